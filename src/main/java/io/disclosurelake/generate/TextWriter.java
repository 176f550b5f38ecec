package io.disclosurelake.generate;

import io.disclosurelake.generate.ReportDocument.Block;
import io.disclosurelake.generate.ReportDocument.TCell;
import io.disclosurelake.generate.ReportDocument.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Two text shapes seen in the wild: the seed's one-cell-per-line export of a DOCX (tab-prefixed cells, rows
 * separated by a blank line, vertically merged cells as empty lines) and a crawler's flattened page text
 * where table cells are glued together without separators.
 */
public final class TextWriter {
    private TextWriter() {}

    public static String seedStyle(ReportDocument d) {
        StringBuilder sb = new StringBuilder(d.title).append("\n\n");
        if (d.subtitle != null) sb.append(d.subtitle).append('\n');
        for (Block b : d.blocks) {
            if (b instanceof ReportDocument.Heading h) sb.append(h.text()).append('\n');
            else if (b instanceof ReportDocument.Paragraph p) sb.append(p.text()).append('\n');
            else if (b instanceof Table t) {
                TCell[][] g = t.grid();
                for (int r = 0; r < t.rows; r++) {
                    for (int c = 0; c < t.cols; c++) {
                        TCell o = g[r][c];
                        if (o == null) continue;
                        if (o.col() != c) continue; // covered horizontally
                        String text = o.row() == r ? cellText(o) : "";
                        sb.append('\t').append(text).append('\n');
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    static String cellText(TCell c) {
        if (!c.vertical()) return c.text();
        StringBuilder v = new StringBuilder();
        for (int i = 0; i < c.text().length(); i++) { if (i > 0) v.append('\n'); v.append(c.text().charAt(i)); }
        return v.toString();
    }

    /** The flattened page text and the truth addresses whose digits cannot be split with certainty. */
    public record Glued(String text, Set<String> unreadable) {}

    public static Glued glued(ReportDocument d, String sourceUrl, String published) {
        StringBuilder sb = new StringBuilder();
        sb.append("标题: ").append(d.title).append('\n');
        sb.append("发布时间: ").append(published).append('\n');
        sb.append("原文链接: ").append(sourceUrl).append('\n');
        sb.append("==================== 正文 ====================\n");
        sb.append(d.title);
        if (d.subtitle != null) sb.append(d.subtitle);
        Set<String> unreadable = new HashSet<>();
        for (Block b : d.blocks) {
            if (b instanceof ReportDocument.Heading h) sb.append(h.text());
            else if (b instanceof ReportDocument.Paragraph p) sb.append(p.text());
            else if (b instanceof Table t) {
                for (int r = 0; r < t.rows; r++) {
                    List<TCell> cells = t.rowCells(r);
                    List<TCell> nums = new ArrayList<>();
                    for (TCell c : cells) {
                        sb.append(c.text().replace("\n", ""));
                        if (c.numeric()) nums.add(c);
                    }
                    unreadable.addAll(undetermined(t.name, nums));
                }
            }
        }
        return new Glued(sb.append('\n').toString(), unreadable);
    }

    /** Addresses of the numbers in one glued row that not every valid split agrees on. */
    static List<String> undetermined(String table, List<TCell> nums) {
        if (nums.size() <= 1) return List.of();
        StringBuilder s = new StringBuilder();
        for (TCell c : nums) s.append(c.text());
        Rule rule = table.equals("applications") && nums.size() == 7 ? Rule.ROW_TOTAL
                : table.equals("review") && nums.size() == 15 ? Rule.GROUPS_OF_FIVE : Rule.NONE;
        List<BigDecimal[]> sols = new ArrayList<>();
        split(s.toString(), 0, new BigDecimal[nums.size()], 0, rule, sols);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nums.size(); i++) {
            boolean agree = !sols.isEmpty();
            for (BigDecimal[] sol : sols) if (sol[i].compareTo(sols.get(0)[i]) != 0) { agree = false; break; }
            if (!agree) out.add(nums.get(i).address());
        }
        return out;
    }

    enum Rule { NONE, ROW_TOTAL, GROUPS_OF_FIVE }

    private static final int MAX_SOLUTIONS = 64;

    private static void split(String s, int pos, BigDecimal[] parts, int k, Rule rule, List<BigDecimal[]> sols) {
        if (sols.size() >= MAX_SOLUTIONS) return;
        int n = parts.length;
        if (k == n) {
            if (pos == s.length() && holds(parts, rule)) sols.add(parts.clone());
            return;
        }
        int remaining = n - k;
        for (int end = pos + 1; end <= s.length() - (remaining - 1); end++) {
            String p = s.substring(pos, end);
            if (!p.matches("0|[1-9]\\d*|(0|[1-9]\\d*)\\.\\d+")) continue;
            if (p.length() > 12) break;
            parts[k] = new BigDecimal(p);
            split(s, end, parts, k + 1, rule, sols);
        }
    }

    private static boolean holds(BigDecimal[] p, Rule rule) {
        switch (rule) {
            case ROW_TOTAL -> {
                BigDecimal sum = BigDecimal.ZERO;
                for (int i = 0; i < 6; i++) sum = sum.add(p[i]);
                return sum.compareTo(p[6]) == 0;
            }
            case GROUPS_OF_FIVE -> {
                for (int g = 0; g < 3; g++) {
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int i = 0; i < 4; i++) sum = sum.add(p[g * 5 + i]);
                    if (sum.compareTo(p[g * 5 + 4]) != 0) return false;
                }
                return true;
            }
            default -> { return true; }
        }
    }
}
