package io.disclosurelake.read;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

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
}
