package io.disclosurelake.read;

/** The reader for each format. */
public final class Readers {
    private Readers() {}

    /** The reader for {@code format}, or null when there is none (UNKNOWN: quarantine as unsupported_format). */
    public static FormatReader forFormat(DocumentFormat format) {
        return switch (format) {
            case TXT -> new TextReader();
            case MD -> new MarkdownReader();
            case PDF -> new PdfReader();
            case DOCX -> new DocxReader();
            case DOC -> new DocReader();
            case HTML -> new HtmlReader();
            case XLSX, XLS -> new SheetReader();
            case PNG, JPEG, TIFF -> new ImageReader();
            case UNKNOWN -> null;
        };
    }
}
