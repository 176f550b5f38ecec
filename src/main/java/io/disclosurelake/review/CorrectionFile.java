package io.disclosurelake.review;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a filled review sheet (its rows as text, from {@code read/SheetRows}) into corrections. A row whose
 * {@code corrected_value} and {@code reviewer_note} are both empty was not reviewed and is skipped; every other
 * row either becomes a {@link Correction} or one {@link RowError} naming the file, the row and why — the
 * other rows still apply. Whether the report and cell exist in the lake is the apply step's to judge.
 */
public final class CorrectionFile {
    private CorrectionFile() {}

    /** A row that cannot be applied: file, row number (1 = header line), why. */
    public record RowError(String file, int row, String reportId, String why) {
        @Override public String toString() { return file + " row " + row + ": " + why; }
    }

    public record Parsed(List<Correction> corrections, List<RowError> errors, int skipped) {}

    static final List<String> REQUIRED = List.of("report_id", "table_name", "row_key", "column_key", ReviewSheet.CORRECTED_VALUE);

    /**
     * @param file            the file's name, kept with each correction and error
     * @param rows            the sheet's lines as text cells; the first line that holds the required keys is the header
     * @param defaultReviewer who made corrections whose {@code reviewer} cell is empty (nullable)
     */
    public static Parsed parse(String file, List<List<String>> rows, String defaultReviewer) {
        List<Correction> out = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int headerAt = -1;
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < rows.size() && headerAt < 0; i++) {
            Map<String, Integer> m = new HashMap<>();
            List<String> r = rows.get(i);
            for (int c = 0; c < r.size(); c++) {
                String k = r.get(c) == null ? "" : r.get(c).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT);
                if (!k.isEmpty()) m.putIfAbsent(k, c);
            }
            if (m.keySet().containsAll(REQUIRED)) { headerAt = i; col = m; }
        }
        if (headerAt < 0) {
            errors.add(new RowError(file, 1, null, "no header line with " + String.join(", ", REQUIRED) + ": not a review sheet"));
            return new Parsed(out, errors, 0);
        }
        int skipped = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = headerAt + 1; i < rows.size(); i++) {
            List<String> r = rows.get(i);
            int rowNo = i + 1;
            String value = get(r, col, ReviewSheet.CORRECTED_VALUE);
            String note = get(r, col, ReviewSheet.REVIEWER_NOTE);
            if (value == null && note == null) { skipped++; continue; }
            String report = get(r, col, "report_id");
            String table = get(r, col, "table_name"), row = get(r, col, "row_key"), column = get(r, col, "column_key");
            if (report == null) { errors.add(new RowError(file, rowNo, null, "no report_id")); continue; }
            if (!CellAddresses.known(table, row, column)) {
                errors.add(new RowError(file, rowNo, report, "unknown cell " + table + "/" + row + "/" + column
                        + " (table_name/row_key/column_key of docs/template.md §7)"));
                continue;
            }
            if (value == null) {
                errors.add(new RowError(file, rowNo, report, "corrected_value is empty (a note alone corrects nothing)"));
                continue;
            }
            BigDecimal newValue = number(value);
            if (newValue == null) {
                errors.add(new RowError(file, rowNo, report, "corrected_value '" + value + "' is not a number"));
                continue;
            }
            String oldText = get(r, col, "value");
            BigDecimal oldValue = oldText == null ? null : number(oldText);
            if (oldText != null && oldValue == null) {
                errors.add(new RowError(file, rowNo, report, "value (what was read) '" + oldText + "' is not a number: the row was edited"));
                continue;
            }
            String key = report + "|" + table + "/" + row + "/" + column;
            Integer earlier = seen.putIfAbsent(key, rowNo);
            if (earlier != null) {
                errors.add(new RowError(file, rowNo, report, "the same cell as row " + earlier + " (one correction per cell and file)"));
                continue;
            }
            String reviewer = get(r, col, ReviewSheet.REVIEWER);
            out.add(new Correction(file, rowNo, report, get(r, col, "sha256"), table, row, column, get(r, col, "status"),
                    oldValue, newValue, note, reviewer == null ? defaultReviewer : reviewer));
        }
        return new Parsed(out, errors, skipped);
    }

    private static String get(List<String> r, Map<String, Integer> col, String key) {
        Integer c = col.get(key);
        if (c == null || c >= r.size() || r.get(c) == null) return null;
        String s = r.get(c).strip();
        // a text cell the export guarded against formula injection starts with an apostrophe
        if (s.startsWith("'")) s = s.substring(1).strip();
        return s.isEmpty() ? null : s;
    }

    /**
     * A number as a person types it: full-width digits, thousands separators and spaces allowed; anything else
     * (units, words, two numbers) is not a number. Null when not one.
     */
    static BigDecimal number(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "").replace(" ", "");
        if (!s.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)")) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
