package io.disclosurelake.generate;

import io.disclosurelake.generate.ReportDocument.Block;
import io.disclosurelake.generate.ReportDocument.TCell;
import io.disclosurelake.generate.ReportDocument.Table;
import io.disclosurelake.spec.TemplateSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, List<TCell>> applicationRows = new LinkedHashMap<>();
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
                    if (t.name.equals("applications") && nums.size() == 7) applicationRows.put(rowKey(nums.get(0)), nums);
                    else unreadable.addAll(undetermined(t.name, nums));
                }
            }
        }
        unreadable.addAll(undeterminedApplications(applicationRows));
        return new Glued(sb.append('\n').toString(), unreadable);
    }

    /** "applications/withheld.state_secret/3" → "withheld.state_secret". */
    private static String rowKey(TCell c) {
        String a = c.address();
        return a.substring(a.indexOf('/') + 1, a.lastIndexOf('/'));
    }

    private static final long JOINT_LIMIT = 2_000_000;
    private static final int CUT_LIMIT = 5000;

    /**
     * Addresses of table 三 that the digits do not determine. A reader knows the template's arithmetic, so a cut
     * is possible only if it keeps the row total (when the digits allow several cuts) and, together with the
     * other rows' cuts, keeps each column's balance (一+二 = （七）+四) and outcome sum ((七) = Σ outcomes).
     * A cell is knowable when every possible combination of cuts gives it the same number.
     */
    static Set<String> undeterminedApplications(Map<String, List<TCell>> rows) {
        Map<String, List<BigDecimal[]>> candidates = new LinkedHashMap<>();
        for (Map.Entry<String, List<TCell>> e : rows.entrySet()) {
            StringBuilder s = new StringBuilder();
            for (TCell c : e.getValue()) s.append(c.text());
            List<BigDecimal[]> all = new ArrayList<>();
            split(s.toString(), 0, new BigDecimal[7], 0, Rule.NONE, all, CUT_LIMIT);
            // too many cuts to list: nothing in the row is known
            List<BigDecimal[]> sols = all.size() >= CUT_LIMIT ? List.of()
                    : all.size() > 1 ? all.stream().filter(p -> holds(p, Rule.ROW_TOTAL)).toList() : all;
            candidates.put(e.getKey(), sols);
        }
        List<String> open = new ArrayList<>();
        long combos = 1;
        for (Map.Entry<String, List<BigDecimal[]>> e : candidates.entrySet())
            if (e.getValue().size() > 1) { open.add(e.getKey()); combos = Math.min(JOINT_LIMIT + 1, combos * e.getValue().size()); }
        Map<String, BigDecimal[]> agreed = new HashMap<>();
        Map<String, boolean[]> differs = new HashMap<>();
        if (!open.isEmpty() && combos <= JOINT_LIMIT) {
            Map<String, BigDecimal[]> trial = new HashMap<>();
            for (Map.Entry<String, List<BigDecimal[]>> e : candidates.entrySet())
                if (e.getValue().size() == 1) trial.put(e.getKey(), e.getValue().get(0));
            int[] idx = new int[open.size()];
            while (true) {
                for (int i = 0; i < open.size(); i++) trial.put(open.get(i), candidates.get(open.get(i)).get(idx[i]));
                if (columnsBalance(trial)) {
                    for (String k : open) {
                        BigDecimal[] v = trial.get(k);
                        BigDecimal[] first = agreed.putIfAbsent(k, v);
                        boolean[] d = differs.computeIfAbsent(k, x -> new boolean[7]);
                        if (first != null) for (int c = 0; c < 7; c++) if (first[c].compareTo(v[c]) != 0) d[c] = true;
                    }
                }
                int i = 0;
                while (i < open.size() && ++idx[i] == candidates.get(open.get(i)).size()) { idx[i] = 0; i++; }
                if (i == open.size()) break;
            }
        }
        Set<String> out = new HashSet<>();
        for (Map.Entry<String, List<TCell>> e : rows.entrySet()) {
            String k = e.getKey();
            List<BigDecimal[]> sols = candidates.get(k);
            for (int c = 0; c < 7; c++) {
                boolean known;
                if (sols.isEmpty()) known = false;
                else if (sols.size() == 1) known = true;
                else if (agreed.containsKey(k)) known = !differs.get(k)[c];
                else { // no combination checked (too many): only what the row's own cuts agree on
                    known = true;
                    for (BigDecimal[] p : sols) if (p[c].compareTo(sols.get(0)[c]) != 0) { known = false; break; }
                }
                if (!known) out.add(e.getValue().get(c).address());
            }
        }
        return out;
    }

    /** 一+二 = （七）+四 and （七） = Σ outcome rows, in each of the seven columns (rows not printed count 0). */
    private static boolean columnsBalance(Map<String, BigDecimal[]> v) {
        for (int c = 0; c < 7; c++) {
            BigDecimal in = at(v, "new", c).add(at(v, "carried_over", c));
            BigDecimal total = at(v, "total", c);
            if (in.compareTo(total.add(at(v, "carried_forward", c))) != 0) return false;
            BigDecimal outcomes = BigDecimal.ZERO;
            for (TemplateSpec.ApplicationRow r : TemplateSpec.APPLICATION_ROWS) if (r.isOutcome()) outcomes = outcomes.add(at(v, r.key(), c));
            if (outcomes.compareTo(total) != 0) return false;
        }
        return true;
    }

    private static BigDecimal at(Map<String, BigDecimal[]> v, String row, int c) {
        BigDecimal[] r = v.get(row);
        return r == null ? BigDecimal.ZERO : r[c];
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
        split(s, pos, parts, k, rule, sols, MAX_SOLUTIONS);
    }

    private static void split(String s, int pos, BigDecimal[] parts, int k, Rule rule, List<BigDecimal[]> sols, int limit) {
        if (sols.size() >= limit) return;
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
            split(s, end, parts, k + 1, rule, sols, limit);
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
