package io.disclosurelake.export;

import io.disclosurelake.rank.ComplianceScore;
import io.disclosurelake.rank.ScoringConfig;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rankings as one XLSX workbook, streamed (SXSSF, 200 rows in memory): a sheet per ranking (national,
 * each province) with a frozen Chinese header, numbers as numbers, percentages formatted, widths set, and
 * a sheet explaining each indicator and its weight. Text starting with = + - @ or a tab is stored as a
 * quote-prefixed string cell: shown as typed, never evaluated, even after editing.
 */
public final class XlsxRankingWriter implements Closeable {
    private final Path file;
    private final SXSSFWorkbook wb = new SXSSFWorkbook(200);
    private final Map<String, Sheet> sheets = new LinkedHashMap<>();
    private final Map<String, Integer> nextRow = new HashMap<>();
    private final Set<String> sheetNames = new HashSet<>();
    private final CellStyle header, text, guardedText, integer, decimal, percent;

    public XlsxRankingWriter(Path file) {
        this.file = file;
        wb.setCompressTempFiles(true);
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(ExportClock.now())));
        DataFormat fmt = wb.createDataFormat();
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        text = wb.createCellStyle();
        guardedText = wb.createCellStyle();
        guardedText.setQuotePrefixed(true);
        integer = wb.createCellStyle();
        integer.setDataFormat(fmt.getFormat("0"));
        decimal = wb.createCellStyle();
        decimal.setDataFormat(fmt.getFormat("0.00"));
        percent = wb.createCellStyle();
        percent.setDataFormat(fmt.getFormat("0.0%"));
    }

    /** Opens a ranking sheet under a (document-derived, hence sanitised and de-duplicated) title. */
    public void startSheet(String key, String title) {
        String name = WorkbookUtil.createSafeSheetName(title == null || title.isBlank() ? "未知" : title);
        String base = name.length() > 27 ? name.substring(0, 27) : name;
        for (int i = 2; sheetNames.contains(name.toLowerCase()); i++) name = base + "(" + i + ")";
        sheetNames.add(name.toLowerCase());
        Sheet s = wb.createSheet(name);
        List<RankingColumns.Column> cols = RankingColumns.COLUMNS;
        Row h = s.createRow(0);
        h.setHeightInPoints(32);
        for (int i = 0; i < cols.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(cols.get(i).header());
            c.setCellStyle(header);
            s.setColumnWidth(i, width(cols.get(i)) * 256);
        }
        // header row and the columns up to the body's name stay in view; the filter is set on close (rows known)
        s.createFreezePane(RankingColumns.keys().indexOf("org") + 1, 1);
        sheets.put(key, s);
        nextRow.put(key, 1);
    }

    public boolean hasSheet(String key) { return sheets.containsKey(key); }

    private static int width(RankingColumns.Column c) {
        return switch (c.key()) {
            case "org" -> 36;
            case "report_id" -> 30;
            case "first_seen", "deadline" -> 23;
            case "reasons" -> 40;
            case "province", "city", "county" -> 12;
            default -> Math.max(9, Math.min(16, c.header().length() * 2 + 2));
        };
    }

    public void write(String key, Object[] values) {
        Sheet s = sheets.get(key);
        int r = nextRow.get(key);
        nextRow.put(key, r + 1);
        Row row = s.createRow(r);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) continue;
            Cell c = row.createCell(i);
            switch (RankingColumns.COLUMNS.get(i).kind()) {
                case TEXT -> {
                    String t = (String) v;
                    c.setCellValue(t);
                    c.setCellStyle(FormulaGuard.isRisky(t) ? guardedText : text);
                }
                case INTEGER -> { c.setCellValue(((Long) v).doubleValue()); c.setCellStyle(integer); }
                case DECIMAL -> { c.setCellValue((Double) v); c.setCellStyle(decimal); }
                case PERCENT -> { c.setCellValue((Double) v); c.setCellStyle(percent); }
            }
        }
    }

    /** The sheet that explains every indicator, its weight and how the score and ranks are computed. */
    public void writeExplanation(ScoringConfig conf) {
        Sheet s = wb.createSheet("指标说明");
        s.setColumnWidth(0, 26 * 256);
        s.setColumnWidth(1, 10 * 256);
        s.setColumnWidth(2, 90 * 256);
        int r = 0;
        Row h = s.createRow(r++);
        String[] heads = {"指标", "权重", "说明"};
        for (int i = 0; i < heads.length; i++) {
            Cell c = h.createCell(i);
            c.setCellValue(heads[i]);
            c.setCellStyle(header);
        }
        s.createFreezePane(0, 1);
        for (ComplianceScore.Component comp : ComplianceScore.COMPONENTS) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue("分项·" + comp.label());
            Cell w = row.createCell(1);
            w.setCellValue(conf.weight(comp.column()));
            w.setCellStyle(decimal);
            row.createCell(2).setCellValue(comp.explanation());
        }
        for (String[] line : Explanations.general(conf)) {
            Row row = s.createRow(r++);
            row.createCell(0).setCellValue(line[0]);
            row.createCell(2).setCellValue(line[1]);
        }
    }

    @Override public void close() throws IOException {
        for (Map.Entry<String, Sheet> e : sheets.entrySet()) {
            e.getValue().setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(0, Math.max(1, nextRow.get(e.getKey()) - 1),
                    0, RankingColumns.COLUMNS.size() - 1));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        } finally {
            wb.close();
        }
    }
}
