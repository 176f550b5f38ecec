package io.disclosurelake.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Minimal hand-written DOCX packages, so a test states exactly the WordprocessingML it reads. */
final class OoxmlFixtures {
    private OoxmlFixtures() {}

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    static byte[] docx(String bodyXml) throws Exception {
        return docx(bodyXml, "");
    }

    /** A DOCX whose document.xml has {@code prolog} (e.g. a DOCTYPE) before the root and {@code bodyXml} in the body. */
    static byte[] docx(String bodyXml, String prolog) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>");
        parts.put("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + prolog
                + "<w:document xmlns:w=\"" + W + "\"><w:body>" + bodyXml + "</w:body></w:document>");
        return zip(parts);
    }

    static byte[] zip(Map<String, String> parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String p(String text) {
        return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    }

    /** A table cell; {@code props} goes into tcPr (gridSpan, vMerge, hMerge). */
    static String tc(String props, String... paragraphs) {
        StringBuilder sb = new StringBuilder("<w:tc><w:tcPr>").append(props).append("</w:tcPr>");
        if (paragraphs.length == 0) sb.append("<w:p/>");
        for (String para : paragraphs) sb.append(para.startsWith("<") ? para : p(para));
        return sb.append("</w:tc>").toString();
    }

    static String tr(String... cells) {
        return "<w:tr>" + String.join("", cells) + "</w:tr>";
    }

    static String tbl(String... rows) {
        return "<w:tbl><w:tblPr/>" + String.join("", rows) + "</w:tbl>";
    }
}
