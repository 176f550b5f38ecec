package io.disclosurelake.read;

/** File formats the extractor tells apart from a file's bytes. Ids go into {@code documents.format}. */
public enum DocumentFormat {
    PDF("pdf"), DOCX("docx"), DOC("doc"), HTML("html"), XLSX("xlsx"), XLS("xls"), TXT("txt"), MD("md"),
    /** Scans and photos of a report, read by OCR. */
    PNG("png"), JPEG("jpeg"), TIFF("tiff"),
    UNKNOWN("unknown");

    public final String id;

    DocumentFormat(String id) { this.id = id; }
}
