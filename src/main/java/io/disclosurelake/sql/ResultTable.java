package io.disclosurelake.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A result printed as aligned columns, psql style: names, a rule, the rows (numbers right-aligned, text
 * left-aligned, widths in terminal columns so Chinese text lines up), and a row-count footer.
 */
public final class ResultTable {
    private final List<String> columns;
    private final List<Boolean> numeric;
    private final List<List<String>> rows = new ArrayList<>();

    public ResultTable(List<String> columns, List<Boolean> numeric) {
        this.columns = List.copyOf(columns);
        this.numeric = List.copyOf(numeric);
    }

    public void add(List<String> row) { rows.add(row); }

    public int size() { return rows.size(); }

    /** The table text; {@code more} says that rows were cut off after the ones added. */
    public String render(boolean more) {
        int n = columns.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = DisplayWidth.of(columns.get(i));
        for (List<String> r : rows) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], DisplayWidth.of(cell(r.get(i))));
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>();
        for (int i = 0; i < n; i++) head.add(DisplayWidth.pad(columns.get(i), w[i], false));
        line(sb, head);
        List<String> rule = new ArrayList<>();
        for (int i = 0; i < n; i++) rule.add("-".repeat(w[i]));
        sb.append(String.join("-+-", rule).stripTrailing()).append('\n');
        for (List<String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < n; i++) cells.add(DisplayWidth.pad(cell(r.get(i)), w[i], numeric.get(i)));
            line(sb, cells);
        }
        int count = rows.size();
        sb.append('(').append(count).append(count == 1 ? " row" : " rows");
        if (more) sb.append("; more rows not shown — raise --max-rows or use --format csv");
        sb.append(")\n");
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells) {
        sb.append(String.join(" | ", cells).stripTrailing()).append('\n');
    }

    /** A value as one line: line breaks and tabs would break the alignment. */
    private static String cell(String v) {
        return v.replace("\r\n", "↵").replace('\n', '↵').replace('\t', ' ');
    }
}
