package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.read.Grid;
import io.disclosurelake.read.Grid.GridCell;
import io.disclosurelake.spec.TemplateSpec.ApplicationRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matcher on grids shaped like the readers' output: spans, continuation copies, page breaks, odd headers. */
class TemplateMatcherTest {

    private static GridCell cell(int r, int c, String text) { return GridCell.of(r, c, text); }

    private static GridCell merged(int r, int c, int rowSpan, int colSpan, String text) {
        return new GridCell(r, c, rowSpan, colSpan, text, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
    }

    private static GridCell cont(int r, int c, String text) {
        return new GridCell(r, c, 1, 1, text, 1, Double.NaN, Double.NaN, Double.NaN, Double.NaN, true);
    }

    /** Distinct numbers per row and column so that a shifted column or a swapped row shows. */
    static int value(int rowIndex, int col) { return rowIndex * 10 + col; }

    /**
     * Table 三 as an HTML reader gives it: three label columns (vertical 三、本年度办理结果 and group headings with
     * continuation copies), a two-row header with 法人或其他组织 merged over five columns, values at columns 3–9.
     */
    static List<List<GridCell>> applicationGrid(List<ApplicationRow> rows, boolean verticalOneCharPerRow) {
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(merged(0, 0, 2, 3, ""), merged(0, 3, 1, 7, "申请人情况")));
        List<GridCell> h1 = new ArrayList<>(List.of(cont(1, 0, ""), merged(1, 3, 2, 1, "自然人"), merged(1, 4, 1, 5, "法人或其他组织")));
        for (int c = 5; c <= 8; c++) h1.add(cont(1, c, "法人或其他组织"));
        h1.add(merged(1, 9, 2, 1, "总计"));
        t.add(h1);
        t.add(List.of(cell(2, 0, ""), cont(2, 3, "自然人"), cell(2, 4, "商业企业"), cell(2, 5, "科研机构"), cell(2, 6, "社会公益组织"),
                cell(2, 7, "法律服务机构"), cell(2, 8, "其他"), cont(2, 9, "总计")));
        String vertical = "三、本年度办理结果";
        int verticalIndex = 0;
        String lastGroup = null;
        for (int i = 0; i < rows.size(); i++) {
            ApplicationRow r = rows.get(i);
            int gr = t.size();
            List<GridCell> row = new ArrayList<>();
            boolean outcome = r.isOutcome() && !r.key().equals("total");
            if (!outcome) {
                row.add(merged(gr, 0, 1, 3, r.printedLabel()));
            } else {
                String v = verticalOneCharPerRow ? (verticalIndex < vertical.length() ? String.valueOf(vertical.charAt(verticalIndex)) : "")
                        : (verticalIndex == 0 ? vertical : vertical);
                row.add(verticalIndex == 0 || verticalOneCharPerRow ? cell(gr, 0, v) : cont(gr, 0, v));
                verticalIndex++;
                if (r.group() == null) {
                    row.add(merged(gr, 1, 1, 2, r.printedLabel()));
                } else {
                    boolean first = !r.group().equals(lastGroup);
                    row.add(first ? cell(gr, 1, r.groupLabel()) : cont(gr, 1, r.groupLabel()));
                    row.add(cell(gr, 2, r.printedLabel()));
                }
                lastGroup = r.group();
            }
            for (int c = 0; c < 7; c++) row.add(cell(gr, 3 + c, String.valueOf(value(i, c))));
            t.add(row);
        }
        return t;
    }

    private static MatchedTables match(Grid.Block... blocks) {
        return new TemplateMatcher().match(new Grid(List.of(blocks), null));
    }

    private static void assertRowValues(MatchedTables m, List<ApplicationRow> rows) {
        assertRowValues(m, rows, java.util.Set.of());
    }

    /** As above, leaving out the rows {@code absent} (expected not placed). */
    private static void assertRowValues(MatchedTables m, List<ApplicationRow> rows, java.util.Set<String> absent) {
        for (int i = 0; i < rows.size(); i++) {
            if (absent.contains(rows.get(i).key())) continue;
            Cell[] cells = m.applications.get(rows.get(i).key());
            assertTrue(cells != null, "row " + rows.get(i).key() + " not found");
            for (int c = 0; c < 7; c++)
                assertEquals(0, BigDecimal.valueOf(value(i, c)).compareTo(cells[c].value()), rows.get(i).key() + " col " + c);
        }
    }

    @Test
    void htmlShapedTableByHeaderPositions() {
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Paragraph("三、收到和处理政府信息公开申请情况", null), new Grid.Table(applicationGrid(rows, false)));
        assertEquals(25, m.applications.size());
        assertRowValues(m, rows);
        // 3.其他 under （六） is the row other.other; the 其他 column is column 5 of every row
        int otherIndex = rows.indexOf(TemplateSpec.applicationRow("other.other"));
        assertEquals(0, BigDecimal.valueOf(value(otherIndex, 5)).compareTo(m.applications.get("other.other")[5].value()));
        assertTrue(m.warnings.isEmpty(), m.warnings.toString());
    }

    @Test
    void verticalLabelOneCharacterPerRow() {
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Table(applicationGrid(rows, true)));
        assertEquals(25, m.applications.size());
        assertRowValues(m, rows);
    }

    @Test
    void tableContinuedOverAPageBreakIsJoined() {
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        List<List<GridCell>> all = applicationGrid(rows, false);
        List<List<GridCell>> page1 = all.subList(0, 14), page2 = all.subList(14, all.size());
        MatchedTables m = match(new Grid.Table(page1), new Grid.Paragraph("— 3 —", null), new Grid.Table(page2));
        assertEquals(25, m.applications.size());
        assertRowValues(m, rows);
    }

    /** The table of {@link #applicationGrid} with the label of row {@code key} printed as {@code printed}. */
    private static List<List<GridCell>> withLabel(List<ApplicationRow> rows, String key, String printed) {
        return withLabel(rows, key, printed, applicationGrid(rows, false));
    }

    /**
     * {@code grid} with the label of row {@code key} printed as {@code printed}: its label cell is the last of the
     * three label columns the row fills (column 2 under a group, one cell across two or three columns otherwise).
     */
    private static List<List<GridCell>> withLabel(List<ApplicationRow> rows, String key, String printed, List<List<GridCell>> grid) {
        List<List<GridCell>> t = new ArrayList<>(grid);
        int at = 3 + rows.indexOf(TemplateSpec.applicationRow(key));
        List<GridCell> row = new ArrayList<>(t.get(at));
        int label = -1;
        for (int i = 0; i < row.size(); i++) if (row.get(i).col() < 3) label = i;
        row.set(label, row.get(label).withText(printed));
        t.set(at, row);
        return t;
    }

    @Test
    void misprintedLabelGetsTheOneRowFreeBetweenItsNeighbours() {
        // a real PDF prints 2.其他法律行政止公开 for 2.其他法律行政法规禁止公开
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Table(withLabel(rows, "withheld.prohibited_by_law", "2.其他法律行政止公开")));
        assertEquals(25, m.applications.size());
        assertRowValues(m, rows);
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("其他法律行政止公开") && w.contains("read as withheld.prohibited_by_law")),
                m.warnings.toString());
    }

    @Test
    void misprintedLabelWithTwoFreeRowsBetweenItsNeighboursIsLeftOut() {
        List<ApplicationRow> all = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        List<ApplicationRow> rows = new ArrayList<>(all);
        rows.remove(TemplateSpec.applicationRow("withheld.three_safeties_one_stability")); // not printed: two rows free
        MatchedTables m = match(new Grid.Table(withLabel(rows, "withheld.prohibited_by_law", "2.其他法律行政止公开")));
        assertEquals(null, m.applications.get("withheld.prohibited_by_law"));
        assertEquals(null, m.applications.get("withheld.three_safeties_one_stability"));
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("其他法律行政止公开") && w.contains("2 template rows are free")),
                m.warnings.toString());
        assertEquals(23, m.applications.size());
    }

    /** The table of {@link #applicationGrid} as OCR gives it, with the labels of {@code garbled} (key → print) misread. */
    private static List<List<GridCell>> scanned(List<ApplicationRow> rows, java.util.Map<String, String> garbled) {
        List<List<GridCell>> text = applicationGrid(rows, false);
        for (var e : garbled.entrySet()) text = withLabel(rows, e.getKey(), e.getValue(), text);
        List<List<GridCell>> t = new ArrayList<>();
        for (List<GridCell> r : text) {
            List<GridCell> row = new ArrayList<>();
            for (GridCell c : r)
                row.add(new GridCell(c.row(), c.col(), c.rowSpan(), c.colSpan(), c.text(), 1, 10, 10, 10, 10, c.continuation(), GridCell.OCR, 0.99));
            t.add(row);
        }
        return t;
    }

    @Test
    void twoGarbledScannedLabelsTakeTheTwoFreeRowsByTheirOrdinals() {
        // a noisy scan read 1.属于国家秘密 as 1.丁喝系视团 and the next label as 2.算他法律行政法相整止公开
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Table(scanned(rows, java.util.Map.of(
                "withheld.state_secret", "1.丁喝系视团", "withheld.prohibited_by_law", "2.算他法律行政法相整止公开"))));
        assertEquals(25, m.applications.size(), m.warnings.toString());
        assertRowValues(m, rows);
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("丁喝系视团") && w.contains("read as withheld.state_secret")
                && w.contains("ordinal 1.")), m.warnings.toString());
    }

    @Test
    void aRunOfGarbledLabelsTakesTheRowsItsLabelsResembleAndLeavesTheNoise() {
        // four garbled labels in a row (a noisy scan of a 2019-style table): three still resemble their rows (by
        // ordinal or words), the third reads as noise with no ordinal; it says nothing against the order, so the
        // others are placed and it alone is left out
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Table(scanned(rows, java.util.Map.of(
                "withheld.state_secret", "1.属于固系视密", "withheld.prohibited_by_law", "2.其他法律行政法相止公开",
                "withheld.three_safeties_one_stability", "3倍I二女全一稳定\"", "withheld.third_party_rights", "4.保护策三方合法权益"))));
        assertNull(m.applications.get("withheld.three_safeties_one_stability"), m.warnings.toString());
        assertEquals(24, m.applications.size(), m.warnings.toString());
        assertRowValues(m, rows, java.util.Set.of("withheld.three_safeties_one_stability"));
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("3倍I二女全一稳定") && w.contains("too little")), m.warnings.toString());
    }

    @Test
    void garbledFirstAndLastRowsArePlacedByTheTableStartAndEnd() {
        // the first row (一、本年新收…) and the last (四、结转下年度继续办理) misread: each has one matched neighbour
        // and the table's start or end on its other side, with its one template row free there
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Table(scanned(rows, java.util.Map.of(
                "new", "一、本年新购政府信息公开申请数量", "carried_forward", "四、结转下年度继绩办现"))));
        assertEquals(25, m.applications.size(), m.warnings.toString());
        assertRowValues(m, rows);
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("read as new by its place between the table's start and")), m.warnings.toString());
        // a first row that resembles nothing stays out
        m = match(new Grid.Table(scanned(rows, java.util.Map.of("new", "本单位自行统计"))));
        assertNull(m.applications.get("new"), m.warnings.toString());
        assertEquals(24, m.applications.size());
    }

    @Test
    void garbledScannedLabelsWhoseOrdinalsDisagreeAreLeftOut() {
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Table(scanned(rows, java.util.Map.of(
                "withheld.state_secret", "3.丁喝系视团", "withheld.prohibited_by_law", "2.算他法律行政法相整止公开"))));
        assertNull(m.applications.get("withheld.state_secret"));
        assertNull(m.applications.get("withheld.prohibited_by_law"));
        assertEquals(23, m.applications.size());
    }

    @Test
    void labelResemblingNothingIsLeftOutEvenInItsPlace() {
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Table(withLabel(rows, "withheld.prohibited_by_law", "2.本单位自行统计")));
        assertEquals(null, m.applications.get("withheld.prohibited_by_law"));
        assertEquals(24, m.applications.size());
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("本单位自行统计") && w.contains("too little")), m.warnings.toString());
    }

    /** Table 三 as an OCR dump gives it: a heading, a header of generic names, rows of label + cells. */
    private static MatchedTables ocrDump(List<List<String>> rows) {
        List<List<GridCell>> t = new ArrayList<>();
        List<GridCell> header = new ArrayList<>();
        for (int c = 0; c < 11; c++) header.add(cell(0, c, (c % 2 == 0 ? "列" : "Column") + (c + 1)));
        t.add(header);
        for (List<String> r : rows) {
            List<GridCell> row = new ArrayList<>();
            for (int c = 0; c < r.size(); c++) row.add(cell(t.size(), c, r.get(c)));
            t.add(row);
        }
        return new TemplateMatcher().match(new Grid(List.of(new Grid.Paragraph("三、收到和处理政府信息公开申请情况", null),
                new Grid.Table(t)), null), TemplateSpec.Version.V2021);
    }

    @Test
    void unnamedColumnsArePlacedByTheRowTotal() {
        // an OCR dump with a stray cell after each row (a margin mark read as a digit): the seven columns are
        // the window whose 总计 is the sum of the other six
        MatchedTables m = ocrDump(List.of(
                List.of("一、本年新收政府信息公开申请数量", "23", "1", "0", "0", "0", "2", "26", "4"),
                List.of("二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0", "1")));
        Cell[] n = m.applications.get("new");
        int[] expected = {23, 1, 0, 0, 0, 2, 26};
        for (int c = 0; c < 7; c++) assertEquals(0, BigDecimal.valueOf(expected[c]).compareTo(n[c].value()), "new col " + c);
        assertEquals(0, BigDecimal.ZERO.compareTo(m.applications.get("carried_over")[6].value()));
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("row new") && w.contains("total holds")), m.warnings.toString());
    }

    @Test
    void unnamedColumnsWithTwoPlacementsAreUnreadable() {
        // 0 1 0 0 0 0 0 1 1: both 1|0|0|0|0|0|1 (from the second cell) and 0|0|0|0|0|1|1 (from the third) hold
        MatchedTables m = ocrDump(List.of(List.of("一、本年新收政府信息公开申请数量", "0", "1", "0", "0", "0", "0", "0", "1", "1")));
        for (Cell c : m.applications.get("new")) assertEquals(io.disclosurelake.model.CellStatus.UNREADABLE, c.status());
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("2 placements")), m.warnings.toString());
    }

    @Test
    void unnamedActiveColumnsFollowTheVersionsOrder() {
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(cell(0, 0, "列1"), cell(0, 1, "列2"), cell(0, 2, "列3"), cell(0, 3, "列4")));
        t.add(List.of(cell(1, 0, "第二十条第（六）项")));
        t.add(List.of(cell(2, 0, "行政处罚"), cell(2, 1, "2648"), cell(2, 2, "-18"), cell(2, 3, "538")));
        t.add(List.of(cell(3, 0, "行政强制"), cell(3, 1, "126"), cell(3, 2, "25")));
        Grid g = new Grid(List.of(new Grid.Paragraph("二、主动公开政府信息情况", null), new Grid.Table(t)), null);
        MatchedTables m = new TemplateMatcher().match(g, TemplateSpec.Version.V2019);
        assertEquals(0, new BigDecimal("-18").compareTo(m.active.get("行政处罚|本年增/减").value()));
        assertEquals(0, new BigDecimal("538").compareTo(m.active.get("行政处罚|处理决定数量").value()));
        // two cells where the 2019 template prints three: which is missing is not known
        assertEquals(io.disclosurelake.model.CellStatus.UNREADABLE, m.active.get("行政强制|处理决定数量").status());
        // the version unknown: no order to place by
        assertTrue(new TemplateMatcher().match(g).active.isEmpty());
    }

    @Test
    void subtotalRowIsRecognisedAndExcluded() {
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        List<List<GridCell>> t = new ArrayList<>(applicationGrid(rows, false));
        int at = 3 + rows.indexOf(TemplateSpec.applicationRow("withheld.state_secret"));
        List<GridCell> subtotal = new ArrayList<>(List.of(cell(at, 0, ""), merged(at, 1, 1, 2, "（三）不予公开")));
        for (int c = 0; c < 7; c++) subtotal.add(cell(at, 3 + c, "999"));
        t.add(at, subtotal);
        MatchedTables m = match(new Grid.Table(t));
        assertRowValues(m, rows);
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("subtotal") && w.contains("不予公开")), m.warnings.toString());
        assertTrue(m.applications.values().stream().flatMap(java.util.Arrays::stream).noneMatch(c -> "999".equals(c.raw())));
    }

    @Test
    void oddHeaderFallsBackToTheLastSevenCells() {
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(cell(0, 0, "申请人情况"), cell(1, 1, "自然人"), cell(0, 2, "法人或其他组织"), cell(0, 3, "总计")));
        t.add(List.of(cell(1, 0, "一、本年新收政府信息公开申请数量"), cell(1, 1, "5"), cell(1, 2, ""), cell(1, 3, "—"),
                cell(1, 4, "0"), cell(1, 5, "0"), cell(1, 6, "1"), cell(1, 7, "6")));
        MatchedTables m = match(new Grid.Table(t));
        Cell[] c = m.applications.get("new");
        assertEquals(0, BigDecimal.valueOf(5).compareTo(c[0].value()));
        assertEquals(CellStatus.BLANK, c[1].status());      // empty cell at its column: blank, not shifted
        assertEquals(CellStatus.BLANK, c[2].status());      // a dash
        assertEquals(0, BigDecimal.valueOf(6).compareTo(c[6].value()));
    }

    @Test
    void rowWithTooFewCellsIsUnreadableNotShifted() {
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(cell(0, 0, "申请人情况"), cell(0, 1, "自然人")));
        t.add(List.of(cell(1, 0, "一、本年新收政府信息公开申请数量"), cell(1, 1, "5"), cell(1, 2, "6")));
        MatchedTables m = match(new Grid.Table(t));
        assertTrue(java.util.Arrays.stream(m.applications.get("new")).allMatch(c -> c.status() == CellStatus.UNREADABLE));
        assertFalse(m.warnings.isEmpty());
    }

    @Test
    void singleOtherRowOf2019() {
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2019);
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(cell(0, 0, "申请人情况"), cell(0, 1, "自然人"), cell(0, 2, "商业企业")));
        for (int i = 0; i < rows.size(); i++) {
            ApplicationRow r = rows.get(i);
            List<GridCell> row = new ArrayList<>();
            row.add(cell(i + 1, 0, r.key().equals("other.other") ? "（六）其他处理" : r.printedLabel()));
            for (int c = 0; c < 7; c++) row.add(cell(i + 1, 1 + c, String.valueOf(value(i, c))));
            t.add(row);
        }
        MatchedTables m = match(new Grid.Table(t));
        assertTrue(m.singleOtherRow);
        assertEquals(23, m.applications.size());
        assertRowValues(m, rows);
    }

    @Test
    void repeatedGroupHeadingAndRepeatedTopHeadingAreHarmless() {
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        List<List<GridCell>> t = new ArrayList<>(applicationGrid(rows, false));
        int at = 3 + rows.indexOf(TemplateSpec.applicationRow("unable_to_provide.not_held"));
        t.add(at, List.of(cell(at, 0, "三、本年度办理结果")));
        MatchedTables m = match(new Grid.Table(t));
        assertRowValues(m, rows);
    }

    @Test
    void activeTableWithMergedValueCellsAnd2019Headers() {
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(merged(0, 0, 1, 4, "第二十条第（一）项")));
        t.add(List.of(cell(1, 0, "信息内容"), cell(1, 1, "本年新制作数量"), cell(1, 2, "本年新公开数量"), cell(1, 3, "对外公开总数量")));
        t.add(List.of(cell(2, 0, "规章"), cell(2, 1, "0"), cell(2, 2, "0"), cell(2, 3, "0")));
        t.add(List.of(cell(3, 0, "规范性文件"), cell(3, 1, "89"), cell(3, 2, "89"), cell(3, 3, "89")));
        t.add(List.of(merged(4, 0, 1, 4, "第二十条第（五）项")));
        t.add(List.of(cell(5, 0, "信息内容"), cell(5, 1, "上一年项目数量"), cell(5, 2, "本年增/减"), cell(5, 3, "处理决定数量")));
        t.add(List.of(cell(6, 0, "行政许可"), cell(6, 1, "396"), cell(6, 2, "0"), cell(6, 3, "181")));
        t.add(List.of(merged(7, 0, 1, 4, "第二十条第（八）项")));
        t.add(List.of(cell(8, 0, "信息内容"), merged(8, 1, 1, 3, "本年收费金额（单位：万元）"), cont(8, 2, "本年收费金额（单位：万元）"), cont(8, 3, "本年收费金额（单位：万元）")));
        t.add(List.of(cell(9, 0, "行政事业性收费"), merged(9, 1, 1, 3, "35元"), cont(9, 2, "35元"), cont(9, 3, "35元")));
        MatchedTables m = match(new Grid.Paragraph("二、主动公开政府信息情况", null), new Grid.Table(t));
        assertEquals("89", m.active.get("行政规范性文件|本年新制作数量").raw());
        assertEquals("181", m.active.get("行政许可|处理决定数量").raw());
        assertEquals("35元", m.active.get("行政事业性收费|本年收费金额（单位：万元）").raw());
        assertEquals(0, new BigDecimal("35").compareTo(m.active.get("行政事业性收费|本年收费金额（单位：万元）").value()));
    }

    @Test
    void reviewRowAfterItsHeadersWithALabelCell() {
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(cell(0, 0, "行政复议"), cell(0, 1, "行政诉讼")));
        List<GridCell> h = new ArrayList<>();
        for (int c = 0; c < 15; c++) h.add(cell(1, c + 1, TemplateSpec.REVIEW_OUTCOME_LABELS.get(c % 5)));
        t.add(h);
        List<GridCell> data = new ArrayList<>(List.of(cell(2, 0, "件数")));
        for (int c = 0; c < 15; c++) data.add(cell(2, c + 1, c == 3 ? "/" : String.valueOf(c)));
        t.add(data);
        MatchedTables m = match(new Grid.Paragraph("四、政府信息公开行政复议、行政诉讼情况", null), new Grid.Table(t));
        assertEquals(0, BigDecimal.valueOf(14).compareTo(m.review[14].value()));
        assertEquals(CellStatus.BLANK, m.review[3].status());
        assertEquals("review_pending", m.review[3].columnKey());
    }

    @Test
    void missingRowsAreAbsentNotZero() {
        List<ApplicationRow> rows = new ArrayList<>(TemplateSpec.applicationRows(TemplateSpec.Version.V2021));
        rows.remove(TemplateSpec.applicationRow("withheld.process_info"));
        MatchedTables m = match(new Grid.Table(applicationGrid(rows, false)));
        assertNull(m.applications.get("withheld.process_info"));
        assertEquals(24, m.applications.size());
    }

    @Test
    void labelWrappedOverLinesWithNumbersOnALaterLine() {
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(cell(0, 0, "申请人情况"), cell(0, 1, "自然人"), cell(0, 2, "商业企业")));
        t.add(List.of(cell(1, 0, "（二）部分公开（区分处理")));
        List<GridCell> values = new ArrayList<>(List.of(cell(2, 0, "的，只计这一情形，不计其")));
        for (int c = 0; c < 7; c++) values.add(cell(2, 1 + c, String.valueOf(c)));
        t.add(values);
        t.add(List.of(cell(3, 0, "他情形）")));
        t.add(List.of(cell(4, 0, "（三）不予公开")));
        t.add(List.of(cell(5, 0, "1.属于国家")));
        List<GridCell> only = new ArrayList<>();
        for (int c = 0; c < 7; c++) only.add(cell(6, 1 + c, String.valueOf(10 + c)));
        t.add(only);
        t.add(List.of(cell(7, 0, "秘密")));
        MatchedTables m = match(new Grid.Table(t));
        assertEquals(0, BigDecimal.valueOf(6).compareTo(m.applications.get("partially_disclosed")[6].value()));
        assertEquals(0, BigDecimal.valueOf(16).compareTo(m.applications.get("withheld.state_secret")[6].value()));
    }
    /** The table of {@link #applicationGrid} as OCR gives it; row {@code garbled}'s label misread, row {@code blank}'s cells empty. */
    private static List<List<GridCell>> scannedWithGarbledLabel(List<ApplicationRow> rows, String garbled, String printed, String blank) {
        List<List<GridCell>> t = new ArrayList<>();
        int g = 3 + rows.indexOf(TemplateSpec.applicationRow(garbled)), b = 3 + rows.indexOf(TemplateSpec.applicationRow(blank));
        List<List<GridCell>> text = withLabel(rows, garbled, printed);
        for (int r = 0; r < text.size(); r++) {
            List<GridCell> row = new ArrayList<>();
            for (GridCell c : text.get(r)) {
                String s = r == b && c.col() >= 3 ? "" : c.text();
                row.add(new GridCell(c.row(), c.col(), c.rowSpan(), c.colSpan(), s, 1, 10, 10, 10, 10, c.continuation(), GridCell.OCR, 0.99));
            }
            t.add(row);
        }
        return t;
    }

    @Test
    void scannedRowWithAGarbledLabelGivesItsNumbersToNoOtherRow() {
        // a noisy scan read 1.本机关不掌握相关政府信息 as 1.本机关不手经关政府信息; the next row (2.没有现成信息需要另行制作)
        // printed empty cells: its label is not the garbled label's tail, so the numbers are null, not shifted a row down
        List<ApplicationRow> rows = TemplateSpec.applicationRows(TemplateSpec.Version.V2021);
        MatchedTables m = match(new Grid.Table(scannedWithGarbledLabel(rows, "unable_to_provide.not_held", "1.本机关不手经关政府信息",
                "unable_to_provide.needs_new_production")));
        // the garbled row may still be placed by its place (one free row between matched neighbours), with its own numbers
        int heldIndex = rows.indexOf(TemplateSpec.applicationRow("unable_to_provide.not_held"));
        Cell[] held = m.applications.get("unable_to_provide.not_held");
        if (held != null) for (int c = 0; c < 7; c++) assertEquals(0, BigDecimal.valueOf(value(heldIndex, c)).compareTo(held[c].value()));
        Cell[] next = m.applications.get("unable_to_provide.needs_new_production");
        if (next != null) for (Cell c : next) assertNull(c.value(), "needs_new_production took the garbled row's numbers");
    }

    @Test
    void lineOpeningWithItsOwnOrdinalIsNoTailOfTheLabelAbove() {
        // text layer: numbers under a label naming no row, then a numberless line 2.没有现成信息需要另行制作 of its own
        List<List<GridCell>> t = new ArrayList<>();
        t.add(List.of(cell(0, 0, "申请人情况"), cell(0, 1, "自然人"), cell(0, 2, "商业企业")));
        t.add(List.of(cell(1, 0, "（四）无法提供")));
        List<GridCell> values = new ArrayList<>(List.of(cell(2, 0, "1.本机关不手经关政府信息")));
        for (int c = 0; c < 7; c++) values.add(cell(2, 1 + c, String.valueOf(c)));
        t.add(values);
        t.add(List.of(cell(3, 0, "2.没有现成信息需要另行制作")));
        MatchedTables m = match(new Grid.Table(t));
        assertNull(m.applications.get("unable_to_provide.needs_new_production"));
    }
}
