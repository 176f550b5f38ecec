package io.disclosurelake.read;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import io.disclosurelake.spec.QuarantineReason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfReaderTest {

    @BeforeAll
    static void font() {
        assumeTrue(PdfFixture.CJK_FONT.isFile(), "CJK font missing");
    }

    static Grid read(byte[] b) throws Exception {
        return new PdfReader().read(b, ReadLimits.defaults());
    }

    static final double[] COLS = {40, 70, 170, 250, 290, 330, 370, 410, 450, 490, 530};
    static final double ROW = 24;

    /**
     * A table-三-like lattice: 3 label columns, 7 number columns. Rows 0..4; column 0 merged over rows 1..4 with
     * the vertical label one character per line; row 2's label wraps over three lines with the numbers on the
     * middle line; some number cells blank.
     */
    static void latticeTable(PdfFixture f, double top, boolean thinRects) throws Exception {
        double[] ys = new double[6];
        for (int i = 0; i < ys.length; i++) ys[i] = top + i * ROW + (i >= 3 ? 24 : 0); // row 2 is twice as tall
        ys[3] = ys[2] + 48;
        ys[4] = ys[3] + ROW;
        ys[5] = ys[4] + ROW;
        // horizontal lines: the top, the header bottom, the last; inner ones skip column 0 (merged label)
        for (int i = 0; i < ys.length; i++) {
            double from = i == 0 || i == 1 || i == ys.length - 1 ? COLS[0] : COLS[1];
            hline(f, thinRects, from, COLS[COLS.length - 1], ys[i]);
        }
        for (double x : COLS) {
            boolean labelSplit = x == COLS[2];
            // column 1|2 border missing in the header row: the header spans the label columns 1..2
            if (labelSplit) vline(f, thinRects, x, ys[1], ys[5]);
            else vline(f, thinRects, x, ys[0], ys[5]);
        }
        f.text(COLS[0] + 3, ys[0] + 16, "项目");
        f.text(COLS[1] + 3, ys[0] + 16, "情况");
        String[] heads = {"自然人", "商业", "科研", "公益", "法律", "其他", "总计"};
        for (int c = 0; c < 7; c++) f.text(COLS[3 + c] + 2, ys[0] + 16, heads[c], 9);
        // vertical label, one character per line, in the merged column 0
        String vertical = "三、本年度办理结果";
        for (int i = 0; i < vertical.length(); i++) f.text(COLS[0] + 10, ys[1] + 13 + i * 11.5, vertical.substring(i, i + 1), 9);
        f.text(COLS[1] + 3, ys[1] + 16, "（一）予以公开");
        row(f, ys[1], new String[] {"7", "", "0", "", "0", "0", "7"});
        f.text(COLS[1] + 3, ys[2] + 14, "（四）无法提供");
        // wrapped label: three lines, numbers on the middle one
        f.text(COLS[2] + 3, ys[2] + 14, "3.补正后申请内");
        f.text(COLS[2] + 3, ys[2] + 28, "容仍不明确的申");
        f.text(COLS[2] + 3, ys[2] + 42, "请");
        for (int c = 0; c < 7; c++) {
            String v = new String[] {"5", "1", "", "", "", "0", "6"}[c];
            if (!v.isEmpty()) f.text(COLS[3 + c] + 12, ys[2] + 28, v);
        }
        f.text(COLS[1] + 3, ys[3] + 16, "（七）总计");
        row(f, ys[3], new String[] {"12", "1", "0", "0", "0", "0", "13"});
        f.text(COLS[1] + 3, ys[4] + 16, "四、结转下年度");
        row(f, ys[4], new String[] {"", "", "", "", "", "", ""});
    }

    static void row(PdfFixture f, double y, String[] values) throws Exception {
        for (int c = 0; c < values.length; c++) if (!values[c].isEmpty()) f.text(COLS[3 + c] + 12, y + 16, values[c]);
    }

    static void hline(PdfFixture f, boolean thin, double x1, double x2, double y) throws Exception {
        if (thin) f.thinRect(x1, y - 0.25, x2, y + 0.25); else f.line(x1, y, x2, y);
    }

    static void vline(PdfFixture f, boolean thin, double x, double y1, double y2) throws Exception {
        if (thin) f.thinRect(x - 0.25, y1, x + 0.25, y2); else f.line(x, y1, x, y2);
    }

    void assertLattice(Grid g) {
        List<Grid.Table> tables = g.tables();
        assertEquals(1, tables.size(), GridDump.dump(g));
        Grid.Table t = tables.get(0);
        assertEquals(10, t.columnCount(), GridDump.dump(g));
        assertEquals(5, t.rows().size(), GridDump.dump(g));
        assertEquals(List.of("项目", "情况", "情况", "自然人", "商业", "科研", "公益", "法律", "其他", "总计"), GridDump.rowTexts(t, 0));
        assertEquals(List.of("三、本年度办理结果", "（一）予以公开", "", "7", "", "0", "", "0", "0", "7"), GridDump.rowTexts(t, 1));
        assertEquals(List.of("三、本年度办理结果", "（四）无法提供", "3.补正后申请内容仍不明确的申请", "5", "1", "", "", "", "0", "6"),
                GridDump.rowTexts(t, 2));
        assertEquals(List.of("三、本年度办理结果", "（七）总计", "", "12", "1", "0", "0", "0", "0", "13"), GridDump.rowTexts(t, 3));
        assertEquals("四、结转下年度", t.rows().get(4).get(1).text());
        for (int c = 3; c < 10; c++) assertEquals("", t.rows().get(4).get(c).text());
        Grid.GridCell label = t.rows().get(1).get(0);
        assertEquals(4, label.rowSpan());
        assertFalse(label.continuation());
        assertTrue(t.rows().get(3).get(0).continuation());
        assertEquals(1, label.page());
    }

    @Test
    void latticeTableWithStrokedLines() throws Exception {
        PdfFixture f = new PdfFixture().page();
        f.text(60, 60, "三、收到和处理政府信息公开申请情况", 14);
        latticeTable(f, 80, false);
        f.text(290, 800, "-4-");
        Grid g = read(f.bytes());
        assertLattice(g);
        assertEquals("三、收到和处理政府信息公开申请情况", ((Grid.Paragraph) g.blocks().get(0)).text());
        assertEquals("-4-", ((Grid.Paragraph) g.blocks().get(g.blocks().size() - 1)).text());
        assertEquals(1, g.pages());
    }

    @Test
    void latticeTableWithThinFilledRectangles() throws Exception {
        PdfFixture f = new PdfFixture().page();
        latticeTable(f, 80, true);
        f.text(280, 800, "第 4 页");
        Grid g = read(f.bytes());
        assertLattice(g);
        assertFalse(g.tables().get(0).rows().stream().flatMap(List::stream).anyMatch(c -> c.text().contains("第")));
    }

    /** A ruled table of rows x 8 columns starting at {@code top}; row 0 is the header when {@code header}. */
    static void simpleLattice(PdfFixture f, double top, int rows, boolean header, int firstValue) throws Exception {
        double[] xs = {60, 200, 250, 300, 350, 400, 450, 500, 550};
        for (int r = 0; r <= rows; r++) f.line(xs[0], top + r * ROW, xs[8], top + r * ROW);
        for (double x : xs) f.line(x, top, x, top + rows * ROW);
        for (int r = 0; r < rows; r++) {
            double base = top + r * ROW + 16;
            if (header && r == 0) {
                f.text(xs[0] + 3, base, "项目");
                for (int c = 1; c < 8; c++) f.text(xs[c] + 3, base, "列" + c);
            } else {
                int n = firstValue + r - (header ? 1 : 0);
                f.text(xs[0] + 3, base, "第" + n + "行");
                for (int c = 1; c < 8; c++) if ((n + c) % 4 != 0) f.text(xs[c] + 10, base, String.valueOf(n * 10 + c));
            }
        }
    }

    @Test
    void tableOverAPageBreakGivesOneTablePerPageWithAllRows() throws Exception {
        PdfFixture f = new PdfFixture().page();
        f.text(60, 60, "标题");
        simpleLattice(f, 600, 8, true, 1);
        f.text(290, 810, "-1-");
        f.page();
        simpleLattice(f, 60, 5, false, 8);
        f.text(60, 220, "四、政府信息公开行政复议、行政诉讼情况");
        f.text(290, 810, "-2-");
        Grid g = read(f.bytes());
        assertEquals(2, g.pages());
        List<Grid.Table> t = g.tables();
        assertEquals(2, t.size(), GridDump.dump(g));
        assertEquals(8, t.get(0).rows().size());
        assertEquals(5, t.get(1).rows().size());
        assertEquals("项目", t.get(0).rows().get(0).get(0).text());
        assertEquals("第7行", t.get(0).rows().get(7).get(0).text());
        assertEquals(List.of("第8行", "81", "82", "83", "", "85", "86", "87"), GridDump.rowTexts(t.get(1), 0));
        assertEquals(2, t.get(1).rows().get(0).get(0).page());
        // footers are paragraphs, in page order around the tables
        List<String> paragraphs = g.blocks().stream().filter(b -> b instanceof Grid.Paragraph)
                .map(b -> ((Grid.Paragraph) b).text()).toList();
        assertEquals(List.of("标题", "-1-", "四、政府信息公开行政复议、行政诉讼情况", "-2-"), paragraphs);
    }

    @Test
    void streamTableWithoutLinesPutsNumbersInTheHeaderColumns() throws Exception {
        PdfFixture f = new PdfFixture().page();
        double[] xs = {60, 200, 250, 300, 350, 400, 450, 500};
        f.text(60, 80, "（本列数据的勾稽关系为：第一项加第二项之和）");
        f.text(xs[0], 110, "项目");
        String[] heads = {"自然人", "商业", "科研", "公益", "法律", "其他", "总计"};
        for (int c = 0; c < 7; c++) f.text(xs[c + 1], 110, heads[c]);
        String[][] rows = {
                {"一、本年新收申请数量", "23", "", "1", "", "", "", "24"},
                {"二、上年结转申请数量", "", "", "", "", "", "2", "2"},
                {"（四）无法提供", "", "", "", "", "", "", ""},
        };
        for (int r = 0; r < rows.length; r++) {
            double base = 135 + r * 25;
            f.text(xs[0], base, rows[r][0]);
            for (int c = 1; c < 8; c++) if (!rows[r][c].isEmpty()) f.text(xs[c] + 8, base, rows[r][c]);
        }
        // a wrapped label: numbers on the middle line
        f.text(xs[0], 210, "1.本机关不掌握");
        f.text(xs[0], 223, "相关政府信息", 10.5f);
        f.text(xs[1] + 8, 223, "7");
        f.text(xs[7] + 8, 223, "7");
        f.text(xs[0], 236, "的情形");
        f.text(xs[0], 300, "四、政府信息公开行政复议、行政诉讼情况");
        f.text(290, 800, "第 4 页");
        Grid g = read(f.bytes());
        List<Grid.Table> tables = g.tables();
        assertEquals(1, tables.size(), GridDump.dump(g));
        Grid.Table t = tables.get(0);
        assertEquals(8, t.columnCount(), GridDump.dump(g));
        assertEquals(List.of("项目", "自然人", "商业", "科研", "公益", "法律", "其他", "总计"), GridDump.rowTexts(t, 0));
        assertEquals(List.of("一、本年新收申请数量", "23", "", "1", "", "", "", "24"), GridDump.rowTexts(t, 1));
        assertEquals(List.of("二、上年结转申请数量", "", "", "", "", "", "2", "2"), GridDump.rowTexts(t, 2));
        assertEquals(List.of("（四）无法提供", "", "", "", "", "", "", ""), GridDump.rowTexts(t, 3));
        assertEquals(List.of("1.本机关不掌握相关政府信息的情形", "7", "", "", "", "", "", "7"), GridDump.rowTexts(t, 4), GridDump.dump(g));
        assertEquals(5, t.rows().size());
        assertTrue(g.paragraphText().contains("第4页"), GridDump.dump(g));
        assertTrue(g.paragraphText().contains("四、政府信息公开行政复议、行政诉讼情况"));
    }

    static byte[] encrypted(String owner, String user) throws Exception {
        PdfFixture f = new PdfFixture().page();
        f.text(60, 80, "某局2024年政府信息公开工作年度报告");
        PDDocument doc = f.document();
        AccessPermission ap = new AccessPermission();
        ap.setCanExtractContent(false);
        StandardProtectionPolicy policy = new StandardProtectionPolicy(owner, user, ap);
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void ownerPasswordOnlyOpensAndIsRead() throws Exception {
        Grid g = read(encrypted("owner-secret", ""));
        assertTrue(g.paragraphText().contains("某局2024年政府信息公开工作年度报告"), GridDump.dump(g));
    }

    @Test
    void userPasswordIsEncrypted() throws Exception {
        byte[] b = encrypted("owner-secret", "user-secret");
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> read(b));
        assertEquals(QuarantineReason.ENCRYPTED, e.reason());
    }

    @Test
    void imageOnlyPdfHasNoTextLayer() throws Exception {
        byte[] bytes;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
            PDImageXObject x = LosslessFactory.createFromImage(doc, img);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawImage(x, 50, 500, 400, 200);
            }
            doc.save(out);
            bytes = out.toByteArray();
        }
        // OCR switched off: the page has no text layer
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new PdfReader().read(bytes, ReadLimits.defaults().withOcr(io.disclosurelake.read.ocr.OcrSettings.OFF)));
        assertEquals(QuarantineReason.NO_TEXT_LAYER, e.reason());
        // OCR on: a black picture holds no print
        UnreadableDocumentException ocr = assertThrows(UnreadableDocumentException.class, () -> read(bytes));
        assertEquals(QuarantineReason.OCR_FAILED, ocr.reason(), ocr.getMessage());
    }

    @Test
    void truncatedOrGarbagePdfIsCorrupt() throws Exception {
        byte[] garbage = "%PDF-1.7\n garbage garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> read(garbage));
        assertEquals(QuarantineReason.CORRUPT, e.reason());
        PdfFixture f = new PdfFixture().page();
        f.text(60, 80, "正文");
        byte[] full = f.bytes();
        byte[] cut = Arrays.copyOf(full, full.length / 3);
        UnreadableDocumentException e2 = assertThrows(UnreadableDocumentException.class, () -> read(cut));
        assertTrue(e2.reason() == QuarantineReason.CORRUPT || e2.reason() == QuarantineReason.NO_TEXT_LAYER, e2.reason().id);
    }

    @Test
    void tooManyPagesAndDeadline() throws Exception {
        PdfFixture f = new PdfFixture().page();
        f.text(60, 80, "第一页的正文内容足够长");
        f.page();
        f.text(60, 80, "第二页的正文内容足够长");
        byte[] b = f.bytes();
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new PdfReader().read(b, new ReadLimits(1, 1 << 20, 1 << 20, Long.MAX_VALUE)));
        assertEquals(QuarantineReason.TOO_LARGE, e.reason());
        UnreadableDocumentException t = assertThrows(UnreadableDocumentException.class,
                () -> new PdfReader().read(b, new ReadLimits(10, 1 << 20, 1 << 20, System.nanoTime() - 1)));
        assertEquals(QuarantineReason.TIMEOUT, t.reason());
    }

    @Test
    void rotatedLandscapePageKeepsRulingsAndGlyphsTogether() throws Exception {
        byte[] bytes;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            page.setRotation(90); // shown as landscape: display (X, Y down) = user (v, u)
            doc.addPage(page);
            org.apache.pdfbox.pdmodel.font.PDType0Font font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc, PdfFixture.font(), true);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                double[] xs = {100, 300, 400, 500};
                double[] ys = {100, 130, 160};
                for (double y : ys) { cs.moveTo((float) y, (float) xs[0]); cs.lineTo((float) y, (float) xs[3]); cs.stroke(); }
                for (double x : xs) { cs.moveTo((float) ys[0], (float) x); cs.lineTo((float) ys[2], (float) x); cs.stroke(); }
                String[][] cells = {{"行政复议", "结果维持", "总计"}, {"本年", "3", ""}};
                for (int r = 0; r < 2; r++) for (int c = 0; c < 3; c++) {
                    if (cells[r][c].isEmpty()) continue;
                    cs.beginText();
                    cs.setFont(font, 10.5f);
                    cs.setTextMatrix(org.apache.pdfbox.util.Matrix.getRotateInstance(Math.PI / 2, (float) (ys[r] + 20), (float) (xs[c] + 5)));
                    cs.showText(cells[r][c]);
                    cs.endText();
                }
            }
            doc.save(out);
            bytes = out.toByteArray();
        }
        Grid g = read(bytes);
        assertEquals(1, g.tables().size(), GridDump.dump(g));
        assertEquals(List.of("行政复议", "结果维持", "总计"), GridDump.rowTexts(g.tables().get(0), 0));
        assertEquals(List.of("本年", "3", ""), GridDump.rowTexts(g.tables().get(0), 1));
    }

    @Test
    void streamTableJoinsAVerticalLabelSetOneCharacterPerLine() throws Exception {
        PdfFixture f = new PdfFixture().page();
        double[] xs = {60, 90, 220, 270, 320};
        f.text(xs[0], 100, "项目");
        f.text(xs[1] + 20, 100, "情况");
        f.text(xs[2], 100, "自然人");
        f.text(xs[3], 100, "法人");
        f.text(xs[4], 100, "总计");
        String label = "三、本年度办理结果";
        for (int i = 0; i < label.length(); i++) f.text(xs[0] + 5, 130 + i * 11, label.substring(i, i + 1));
        String[][] rows = {{"（一）予以公开", "7", "", "7"}, {"（二）部分公开", "", "1", "1"}, {"（三）不予公开", "2", "", "2"}, {"（七）总计", "9", "1", "10"}};
        for (int r = 0; r < rows.length; r++) {
            double base = 130 + r * 30;
            f.text(xs[1], base, rows[r][0]);
            for (int c = 1; c < 4; c++) if (!rows[r][c].isEmpty()) f.text(xs[c + 1] + 5, base, rows[r][c]);
        }
        Grid g = read(f.bytes());
        Grid.Table t = g.tables().get(0);
        assertEquals(5, t.rows().size(), GridDump.dump(g));
        assertEquals(List.of("三、本年度办理结果", "（一）予以公开", "7", "", "7"), GridDump.rowTexts(t, 1), GridDump.dump(g));
        assertEquals(List.of("三、本年度办理结果", "（二）部分公开", "", "1", "1"), GridDump.rowTexts(t, 2));
        assertEquals(List.of("三、本年度办理结果", "（七）总计", "9", "1", "10"), GridDump.rowTexts(t, 4));
        assertTrue(t.rows().get(4).get(0).continuation());
    }

    @Test
    void columnsRuledButRowsNotAreSplitAtTheNumberLines() throws Exception {
        PdfFixture f = new PdfFixture().page();
        double[] xs = {60, 200, 260, 320};
        double top = 100, head = 124, bottom = 124 + 4 * 18 + 6;
        for (double y : new double[] {top, head, bottom}) f.line(xs[0], y, xs[3], y);
        for (double x : xs) f.line(x, top, x, bottom);
        f.text(xs[0] + 3, top + 16, "项目");
        f.text(xs[1] + 3, top + 16, "自然人");
        f.text(xs[2] + 3, top + 16, "总计");
        String[][] rows = {{"行政许可", "70", "70"}, {"行政处罚", "5", ""}, {"行政强制", "", "3"}, {"其他", "12", "12"}};
        for (int r = 0; r < rows.length; r++) {
            double base = head + 16 + r * 18;
            for (int c = 0; c < 3; c++) if (!rows[r][c].isEmpty()) f.text(xs[c] + 5, base, rows[r][c]);
        }
        Grid g = read(f.bytes());
        Grid.Table t = g.tables().get(0);
        assertEquals(5, t.rows().size(), GridDump.dump(g));
        for (int r = 0; r < rows.length; r++) assertEquals(List.of(rows[r]), GridDump.rowTexts(t, r + 1), GridDump.dump(g));
    }
}
