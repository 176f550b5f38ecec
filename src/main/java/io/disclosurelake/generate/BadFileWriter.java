package io.disclosurelake.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Produces the bytes of each kind of bad file from a well-formed report document where one is needed. */
final class BadFileWriter {
    private BadFileWriter() {}

    /** Uncompressed size of the zip bomb's entry: over the readers' 200 MiB limit, a few hundred KiB on disk. */
    static final long BOMB_BYTES = 256L << 20;

    static byte[] write(BadFile kind, ReportDocument report, Body body, int year, long seed) throws IOException {
        return switch (kind) {
            case TRUNCATED_PDF -> {
                byte[] pdf = PdfWriter.write(report, new PdfWriter.Options(false, PdfWriter.Protection.NONE, seed, "WPS 文字"));
                yield Arrays.copyOf(pdf, pdf.length * 2 / 5);
            }
            case TRUNCATED_DOCX -> {
                byte[] docx = DocxWriter.write(report);
                yield Arrays.copyOf(docx, docx.length / 2);
            }
            case ENCRYPTED_PDF -> PdfWriter.write(report, new PdfWriter.Options(true, PdfWriter.Protection.USER_PASSWORD, seed, "WPS 文字"));
            case EMPTY_FILE -> new byte[0];
            case IMAGE_ONLY_PDF -> PdfWriter.imageOnly(seed);
            case ZIP_BOMB_DOCX -> zipBomb();
            case XXE_DOCX -> xxeDocx(body, year);
            case NOT_A_REPORT -> DocxWriter.write(meetingNotice(body, year));
            case LEGACY_REPORT -> HtmlWriter.write(legacyReport(body, year), body, true, false, year + 1 + "-03-20");
        };
    }

    private static volatile byte[] bomb;

    /** The bomb is the same bytes every time; deflating 256 MiB once per run is enough. */
    static byte[] zipBomb() throws IOException {
        byte[] b = bomb;
        if (b == null) {
            synchronized (BadFileWriter.class) {
                if (bomb == null) bomb = makeZipBomb();
                b = bomb;
            }
        }
        return b.clone();
    }

    private static byte[] makeZipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            entry(z, "[Content_Types].xml", CONTENT_TYPES);
            entry(z, "_rels/.rels", RELS);
            ZipEntry e = new ZipEntry("word/document.xml");
            e.setTime(ZipNormalizer.FIXED_TIME);
            z.putNextEntry(e);
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (long w = 0; w < BOMB_BYTES; w += chunk.length) z.write(chunk);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] xxeDocx(Body body, int year) throws IOException {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>" + body.name() + year + "年政府信息公开工作年度报告</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            entry(z, "[Content_Types].xml", CONTENT_TYPES);
            entry(z, "_rels/.rels", RELS);
            entry(z, "word/document.xml", doc);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream z, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ZipNormalizer.FIXED_TIME);
        z.putNextEntry(e);
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>";
    static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>";

    /** A document that mentions the annual report but is not one: a meeting notice. */
    static ReportDocument meetingNotice(Body body, int year) {
        ReportDocument d = new ReportDocument("关于召开" + (year + 1) + "年度政府信息公开工作推进会的通知", null);
        d.blocks.add(new ReportDocument.Paragraph("各科室、各直属单位："));
        d.blocks.add(new ReportDocument.Paragraph("为做好" + year + "年政府信息公开工作年度报告编制和发布工作，经研究，定于" + (year + 1)
                + "年1月10日上午9:00在" + body.name() + "三楼会议室召开政府信息公开工作推进会，请各单位分管负责同志和信息员准时参加。"));
        d.blocks.add(new ReportDocument.Paragraph("会议内容：一是通报" + year + "年政务公开工作情况；二是部署年度报告编制工作，报告须按照国家统一格式填写，"
                + "并于1月31日前在门户网站发布。"));
        d.blocks.add(new ReportDocument.Paragraph(body.name() + "办公室"));
        return d;
    }

    /** A pre-2019 report: 一、概述 and the old answer counts, no national statistical tables. */
    static ReportDocument legacyReport(Body body, int year) {
        ReportDocument d = new ReportDocument(body.name() + year + "年政府信息公开工作年度报告", null);
        d.blocks.add(new ReportDocument.Paragraph("本报告根据《中华人民共和国政府信息公开条例》要求编制，联系地址：" + body.address() + "。"));
        d.blocks.add(new ReportDocument.Heading("一、概述"));
        d.blocks.add(new ReportDocument.Paragraph(year + "年，" + body.name() + "认真贯彻落实《条例》，政府信息公开工作有序开展。"));
        d.blocks.add(new ReportDocument.Heading("二、主动公开政府信息情况"));
        d.blocks.add(new ReportDocument.Paragraph("全年主动公开政府信息" + (100 + (year * 37) % 900) + "条。"));
        d.blocks.add(new ReportDocument.Heading("三、依申请公开政府信息情况"));
        d.blocks.add(new ReportDocument.Paragraph("全年共受理政府信息公开申请" + (year % 17) + "件，同意公开答复数" + (year % 11)
                + "件，否决公开答复总数0件。"));
        d.blocks.add(new ReportDocument.Heading("四、政府信息公开的收费及减免情况"));
        d.blocks.add(new ReportDocument.Paragraph("本年度未收取任何费用。"));
        d.blocks.add(new ReportDocument.Heading("五、因政府信息公开申请行政复议、提起行政诉讼的情况"));
        d.blocks.add(new ReportDocument.Paragraph("本年度未发生行政复议和行政诉讼案件。"));
        d.blocks.add(new ReportDocument.Heading("六、机构建设和保障经费情况"));
        d.blocks.add(new ReportDocument.Paragraph("明确专人负责政府信息公开工作。"));
        return d;
    }
}
