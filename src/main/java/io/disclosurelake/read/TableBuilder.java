package io.disclosurelake.read;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Assembles a {@link Grid.Table} from cells placed at grid positions: a merged cell is kept once at its
 * top-left with its spans, every covered position gets a {@code continuation} copy of its text, and every
 * position nobody filled becomes an empty cell, so each row has a cell in every column.
 */
final class TableBuilder {
    private final TreeMap<Integer, TreeMap<Integer, Grid.GridCell>> cells = new TreeMap<>();
    private int columns;
    private int rows;

    /** Places a cell; a position already taken by an earlier cell (or its span) is left as it is. */
    void put(int row, int col, int rowSpan, int colSpan, String text, Integer page,
             double x, double y, double w, double h) {
        put(row, col, rowSpan, colSpan, text, page, x, y, w, h, Grid.GridCell.TEXT, Double.NaN);
    }

    /** Places a cell with its provenance ({@code source} text or ocr, recognition confidence or NaN). */
    void put(int row, int col, int rowSpan, int colSpan, String text, Integer page,
             double x, double y, double w, double h, String source, double confidence) {
        rowSpan = Math.max(1, rowSpan);
        colSpan = Math.max(1, colSpan);
        if (isTaken(row, col)) return;
        String t = text == null ? "" : text;
        cells.computeIfAbsent(row, k -> new TreeMap<>())
                .put(col, new Grid.GridCell(row, col, rowSpan, colSpan, t, page, x, y, w, h, false, source, confidence));
        for (int r = row; r < row + rowSpan; r++) {
            for (int c = col; c < col + colSpan; c++) {
                if (r == row && c == col) continue;
                if (isTaken(r, c)) continue;
                cells.computeIfAbsent(r, k -> new TreeMap<>())
                        .put(c, new Grid.GridCell(r, c, 1, 1, t, page, x, y, w, h, true, source, confidence));
            }
        }
        columns = Math.max(columns, col + colSpan);
        rows = Math.max(rows, row + rowSpan);
    }

    void put(int row, int col, int rowSpan, int colSpan, String text) {
        put(row, col, rowSpan, colSpan, text, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    boolean isTaken(int row, int col) {
        TreeMap<Integer, Grid.GridCell> r = cells.get(row);
        return r != null && r.containsKey(col);
    }

    /** The first column at or after {@code col} in {@code row} not covered by an earlier span. */
    int nextFree(int row, int col) {
        while (isTaken(row, col)) col++;
        return col;
    }

    /** Makes sure the table has at least {@code row + 1} rows (an all-empty row stays in the grid). */
    void touchRow(int row) { rows = Math.max(rows, row + 1); }

    void touchColumns(int count) { columns = Math.max(columns, count); }

    boolean isEmpty() {
        for (TreeMap<Integer, Grid.GridCell> r : cells.values())
            for (Grid.GridCell c : r.values()) if (!c.isEmpty()) return false;
        return true;
    }

    Grid.Table build() {
        List<List<Grid.GridCell>> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            TreeMap<Integer, Grid.GridCell> row = cells.getOrDefault(r, new TreeMap<>());
            List<Grid.GridCell> line = new ArrayList<>();
            Integer page = row.isEmpty() ? null : row.firstEntry().getValue().page();
            for (int c = 0; c < columns; c++) {
                Grid.GridCell cell = row.get(c);
                if (cell == null) {
                    cell = new Grid.GridCell(r, c, 1, 1, "", page, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
                }
                line.add(cell);
            }
            out.add(line);
        }
        return new Grid.Table(out);
    }

    /** Joins the pieces of a cell's text: CJK pieces without a separator, Latin words/numbers with a space. */
    static String joinPieces(List<String> pieces) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            String s = clean(p);
            if (s.isEmpty()) continue;
            if (sb.length() > 0 && isLatin(sb.charAt(sb.length() - 1)) && isLatin(s.charAt(0))) sb.append(' ');
            sb.append(s);
        }
        return sb.toString();
    }

    private static boolean isLatin(char c) {
        return c < 0x2E80 && Character.isLetterOrDigit(c);
    }

    /** Collapses whitespace (incl. no-break and ideographic spaces) and trims. */
    static String clean(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\uFEFF') {
                space = true;
            } else if (c < 0x20) {
                space = true;
            } else {
                if (space && sb.length() > 0) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
