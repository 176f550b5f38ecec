package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.model.Cell;
import io.disclosurelake.spec.CellRef;
import io.disclosurelake.spec.LinearExpr;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.SumRule;
import io.disclosurelake.template.GluedDigits.Piece;
import io.disclosurelake.spec.TemplateSpec.ApplicationRow;
import io.disclosurelake.spec.TemplateSpec.Version;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tables out of text whose table cells were flattened without separators (a crawler's copy of a
 * web page): labels are located in the text, the digits between one label and the next are the row's
 * cells, and a run such as {@code 3960181} is cut into the row's columns only when the template's sum
 * rules (RuleBook: APP_ROW_TOTAL, APP_BALANCE, APP_OUTCOME_SUM, the review totals) and the rule of no
 * leading zeros leave exactly one cut. Otherwise the cells are unreadable, with a warning — never a guess.
 */
public final class GluedTextMatcher {
    /** Upper bound of cuts listed per row and of row combinations tried across rows. */
    private static final int CUT_LIMIT = 5000;
    private static final int COMBINATION_LIMIT = 200_000;

    public record Result(MatchedTables tables, String narrative) {}

    /** Text with whitespace removed and characters folded, remembering where whitespace was. */
    static final class Compact {
        final String s;
        final boolean[] gapBefore;
        final int[] origin;
        final String original;

        Compact(String text) {
            original = text;
            StringBuilder sb = new StringBuilder(text.length());
            List<Integer> orig = new ArrayList<>();
            List<Boolean> gaps = new ArrayList<>();
            boolean gap = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (LabelNormalizer.isSpace(c)) { gap = true; continue; }
                sb.append(LabelNormalizer.fold(c));
                orig.add(i);
                gaps.add(gap);
                gap = false;
            }
            s = sb.toString();
            origin = orig.stream().mapToInt(Integer::intValue).toArray();
            gapBefore = new boolean[gaps.size() + 1];
            for (int i = 0; i < gaps.size(); i++) gapBefore[i] = gaps.get(i);
            gapBefore[gaps.size()] = true;
        }

        int indexOf(String normalizedNeedle, int from) { return from < 0 ? -1 : s.indexOf(normalizedNeedle, from); }

        /** The compact range as text with a single space where the document had whitespace. */
        String spaced(int from, int to) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < to; i++) {
                if (i > from && gapBefore[i]) sb.append(' ');
                sb.append(s.charAt(i));
            }
            return sb.toString();
        }

        int originalIndex(int compactIndex) {
            if (compactIndex >= origin.length) return original.length();
            return origin[compactIndex];
        }
    }

    /** A located label: where its text starts and ends in the compact text. */
    private record Hit(int start, int end) {}

    public Result match(String text, Version version) {
        MatchedTables out = new MatchedTables();
        Compact c = new Compact(text);
        int activeStart = c.indexOf("第二十条", 0);
        int appsHeader = applicantHeader(c, Math.max(activeStart, 0));
        if (appsHeader < 0 && activeStart >= 0) appsHeader = applicantHeader(c, 0);
        int appsSection = appsHeader < 0 ? -1 : sectionStartBefore(c, appsHeader, "applications", Math.max(activeStart, 0));
        int activeEnd = appsSection >= 0 ? appsSection : appsHeader >= 0 ? appsHeader : -1;
        int reviewStart = appsHeader < 0 ? -1 : reviewHeading(c, appsHeader);
        int tablesEnd = -1;

        if (activeStart >= 0) {
            int end = activeEnd > activeStart ? activeEnd : reviewStart > activeStart ? reviewStart : c.s.length();
            activeTable(c, activeStart, end, out);
            tablesEnd = end;
        }
        if (appsHeader >= 0) {
            int end = reviewStart > appsHeader ? reviewStart : c.s.length();
            applicationTable(c, appsHeader, end, version, out);
            tablesEnd = end;
        }
        if (reviewStart >= 0) tablesEnd = reviewTable(c, reviewStart, out);

        String narrative = text;
        int from = activeStart >= 0 ? activeStart : appsSection >= 0 ? appsSection : appsHeader;
        if (from >= 0 && tablesEnd > from)
            narrative = text.substring(0, c.originalIndex(from)) + "\n" + text.substring(c.originalIndex(tablesEnd));
        return new Result(out, narrative);
    }

    // ------------------------------------------------------------------ locating

    private static int applicantHeader(Compact c, int from) {
        int i = c.indexOf("自然人", from);
        while (i >= 0) {
            int n = c.indexOf(LabelNormalizer.normalize("本年新收"), i);
            if (n >= 0 && n - i < 300) {
                int h = c.s.lastIndexOf("申请人情况", i);
                return h >= 0 && i - h < 20 ? h : i;
            }
            i = c.indexOf("自然人", i + 1);
        }
        return -1;
    }

    /** The start of a section heading (numbering included) shortly before {@code before}, or −1. */
    private static int sectionStartBefore(Compact c, int before, String section, int notBefore) {
        int best = -1;
        for (String v : TemplateSpec.SECTION_HEADINGS.get(section)) {
            String nv = LabelNormalizer.normalize(v);
            int i = c.s.lastIndexOf(nv, before);
            if (i >= notBefore && before - i < 200) best = Math.max(best, i);
        }
        return best < 0 ? -1 : backOverNumbering(c, best);
    }

    private static int reviewHeading(Compact c, int from) {
        int best = -1;
        for (String v : TemplateSpec.SECTION_HEADINGS.get("review_litigation")) {
            int i = c.indexOf(LabelNormalizer.normalize(v), from);
            if (i >= 0 && (best < 0 || i < best)) best = i;
        }
        if (best < 0) {
            int h = c.indexOf("结果维持", from);
            if (h < 0) return -1;
            int r = c.s.lastIndexOf("行政复议", h);
            best = r >= from ? r : h;
        }
        return backOverNumbering(c, best);
    }

    /** Moves back over a heading's numbering: 四、 (. 4、 4.) */
    private static int backOverNumbering(Compact c, int i) {
        if (i >= 2 && (c.s.charAt(i - 1) == '、' || c.s.charAt(i - 1) == '.')) {
            char n = c.s.charAt(i - 2);
            if ("一二三四五六七八九十".indexOf(n) >= 0 || Character.isDigit(n)) return i - 2;
        }
        return i;
    }

    // ------------------------------------------------------------------ value runs

    /**
     * The value text right after a label: digits, points, dashes and slashes up to the next text, with the
     * next row's numbering ({@code 2.}) taken off its end. Whitespace becomes a single space.
     */
    private static String valueRun(Compact c, int from, int to, String nextNumberDigits) {
        int i = from;
        while (i < to && !isValueChar(c.s.charAt(i))) i++;
        int start = i;
        while (i < to && isValueChar(c.s.charAt(i))) i++;
        String run = c.spaced(start, i);
        boolean followedByText = i < to;
        boolean numbered = run.endsWith(".") || (followedByText && (c.s.charAt(i) == '、'));
        if (run.endsWith(".")) run = run.substring(0, run.length() - 1);
        if (numbered || (i == to && nextNumberDigits != null && !run.isEmpty())) {
            if (nextNumberDigits != null && run.endsWith(nextNumberDigits) && (numbered || endsWithNumberingAt(c, to, nextNumberDigits)))
                run = run.substring(0, run.length() - nextNumberDigits.length());
        }
        return run.strip();
    }

    /** Whether the label at {@code to} is directly preceded by its numbering {@code N.}. */
    private static boolean endsWithNumberingAt(Compact c, int to, String digits) {
        String tail = digits + ".";
        return to >= tail.length() && c.s.startsWith(tail, to - tail.length());
    }

    private static boolean isValueChar(char ch) {
        return Character.isDigit(ch) || ch == '.' || ch == '-' || ch == '/';
    }

    // ------------------------------------------------------------------ table 二

    private void activeTable(Compact c, int start, int end, MatchedTables out) {
        List<Integer> articles = new ArrayList<>();
        for (int i = c.indexOf("第二十条", start); i >= 0 && i < end; i = c.indexOf("第二十条", i + 1)) articles.add(i);
        articles.add(end);
        for (int a = 0; a + 1 < articles.size(); a++) {
            int from = articles.get(a), to = articles.get(a + 1);
            List<Map.Entry<Integer, String>> rowHits = activeRowHits(c, from, to);
            int headerEnd = rowHits.isEmpty() ? to : rowHits.get(0).getKey();
            List<String> columns = activeColumns(c, from, headerEnd);
            if (columns.isEmpty()) continue;
            boolean[] decimal = new boolean[columns.size()];
            boolean[] signed = new boolean[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                decimal[i] = columns.get(i).contains("金额");
                signed[i] = columns.get(i).contains("增/减"); // 2019's change column: the one a minus belongs in
            }
            for (int r = 0; r < rowHits.size(); r++) {
                String rowLabel = rowHits.get(r).getValue();
                int labelEnd = rowHits.get(r).getKey() + labelLength(c, rowHits.get(r).getKey(), rowLabel);
                int next = r + 1 < rowHits.size() ? rowHits.get(r + 1).getKey() : to;
                String run = valueRun(c, labelEnd, next, null);
                // a '-' glued between digits (行政处罚2648-18538) is a blank cell or a minus: both are read
                boolean gluedDash = GluedDigits.hasGluedDash(run);
                GluedDigits.Cuts cuts = gluedDash ? GluedDigits.cutSigned(run, columns.size(), decimal, signed, CUT_LIMIT)
                        : GluedDigits.cut(GluedDigits.chunks(run), columns.size(), decimal, CUT_LIMIT);
                boolean unique = cuts.solutions().size() == 1 && !cuts.truncated();
                if (!unique) out.warnings.add("table 二 " + rowLabel + ": glued digits '" + run + "' can be cut "
                        + (cuts.truncated() ? "too many" : String.valueOf(cuts.solutions().size()))
                        + " ways into " + columns.size() + " cells"
                        + (gluedDash ? " (a '-' between digits may be a blank cell or a minus sign)" : "")
                        + "; left unreadable");
                for (int k = 0; k < columns.size(); k++) {
                    String key = MatchedTables.activeKey(rowLabel, columns.get(k));
                    if (out.active.containsKey(key)) continue;
                    out.active.put(key, unique ? cell(TemplateSpec.ACTIVE_TABLE, key, TemplateSpec.ACTIVE_COLUMN_KEY,
                            cuts.solutions().get(0).get(k)) : Cell.unreadable(TemplateSpec.ACTIVE_TABLE, key, TemplateSpec.ACTIVE_COLUMN_KEY, run, null));
                }
            }
        }
    }

    private static int labelLength(Compact c, int at, String canonical) {
        for (TemplateSpec.ActiveRowLabel l : TemplateSpec.ACTIVE_ROW_LABELS) {
            if (!l.label().equals(canonical)) continue;
            String full = LabelNormalizer.normalize(l.label());
            if (c.s.startsWith(full, at)) return full.length();
            for (String k : l.keywords()) if (c.s.startsWith(LabelNormalizer.normalize(k), at)) return k.length();
        }
        return 1;
    }

    private static List<Map.Entry<Integer, String>> activeRowHits(Compact c, int from, int to) {
        Map<Integer, String> hits = new java.util.TreeMap<>();
        for (TemplateSpec.ActiveRowLabel l : TemplateSpec.ACTIVE_ROW_LABELS) {
            List<String> forms = new ArrayList<>();
            forms.add(LabelNormalizer.normalize(l.label()));
            for (String k : l.keywords()) forms.add(LabelNormalizer.normalize(k));
            for (String f : forms) {
                for (int i = c.indexOf(f, from); i >= 0 && i < to; i = c.indexOf(f, i + 1))
                    if (!hits.containsKey(i)) hits.put(i, l.label());
            }
        }
        // drop a hit inside a longer label found at an earlier position (规范性文件 inside 行政规范性文件)
        List<Map.Entry<Integer, String>> list = new ArrayList<>();
        int lastEnd = -1;
        for (Map.Entry<Integer, String> e : hits.entrySet()) {
            if (e.getKey() < lastEnd) continue;
            list.add(Map.entry(e.getKey(), e.getValue()));
            lastEnd = e.getKey() + labelLength(c, e.getKey(), e.getValue());
        }
        return list;
    }

    private static List<String> activeColumns(Compact c, int from, int to) {
        Map<Integer, String> hits = new java.util.TreeMap<>();
        for (TemplateSpec.ActiveColumnLabel l : TemplateSpec.ACTIVE_COLUMN_LABELS)
            for (String k : l.keywords()) {
                String nk = LabelNormalizer.normalize(k);
                for (int i = c.indexOf(nk, from); i >= 0 && i < to; i = c.indexOf(nk, i + 1))
                    if (!hits.containsValue(l.label())) hits.put(i, l.label());
            }
        return new ArrayList<>(hits.values());
    }

    // ------------------------------------------------------------------ table 三

    private void applicationTable(Compact c, int start, int end, Version version, MatchedTables out) {
        boolean single2019 = version == Version.V2019
                || (version != Version.V2021 && c.s.substring(start, end).indexOf(LabelNormalizer.normalize("逾期不补正")) < 0);
        List<ApplicationRow> rows = TemplateSpec.applicationRows(single2019 ? Version.V2019 : Version.V2021);
        // locate every row label in order
        List<ApplicationRow> found = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        int cursor = start;
        for (ApplicationRow r : rows) {
            Hit h = findRowLabel(c, r, cursor, end, single2019);
            if (h == null) continue;
            found.add(r);
            hits.add(h);
            cursor = h.end();
        }
        Map<String, List<List<Piece>>> candidates = new LinkedHashMap<>();
        Map<String, String> runs = new HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            ApplicationRow r = found.get(i);
            int next = i + 1 < found.size() ? hits.get(i + 1).start() : end;
            String nextNumber = i + 1 < found.size() ? numberDigits(found.get(i + 1).number()) : null;
            String run = valueRun(c, hits.get(i).end(), next, nextNumber);
            if (run.isEmpty()) { out.warnings.add("table 三 row " + r.key() + ": label without numbers"); continue; }
            if (digitCount(c.s.substring(hits.get(i).end(), next)) > digitCount(run) + (nextNumber == null ? 0 : nextNumber.length()))
                out.warnings.add("table 三 row " + r.key() + ": more numbers follow its cells (a subtotal row the template lacks?); ignored");
            runs.put(r.key(), run);
            GluedDigits.Cuts cuts = GluedDigits.cut(GluedDigits.chunks(run), 7, null, CUT_LIMIT);
            List<List<Piece>> sols = cuts.truncated() ? List.of() : cuts.solutions();
            if (sols.size() > 1) sols = sols.stream().filter(GluedTextMatcher::rowTotalHolds).toList();
            candidates.put(r.key(), sols);
        }
        if (single2019 && candidates.containsKey("other.other")) out.singleOtherRow = true;
        Map<String, List<Piece>> chosen = solveAcrossRows(candidates, appConstraints());
        for (Map.Entry<String, List<List<Piece>>> e : candidates.entrySet()) {
            String key = e.getKey();
            List<Piece> sol = chosen.get(key);
            Cell[] cells = new Cell[7];
            List<String> cols = TemplateSpec.applicantColumnKeys();
            if (sol == null) {
                out.warnings.add("table 三 row " + key + ": glued digits '" + runs.get(key)
                        + "' have no single cut that the sum rules allow; left unreadable");
                for (int k = 0; k < 7; k++) cells[k] = Cell.unreadable(TemplateSpec.APPLICATIONS_TABLE, key, cols.get(k), runs.get(key), null);
            } else {
                for (int k = 0; k < 7; k++) cells[k] = cell(TemplateSpec.APPLICATIONS_TABLE, key, cols.get(k), sol.get(k));
            }
            out.applications.put(key, cells);
        }
    }

    private static int digitCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) n++;
        return n;
    }

    private static String numberDigits(String number) {
        String d = number.replaceAll("\\D", "");
        return d.isEmpty() ? null : d;
    }

    private static Hit findRowLabel(Compact c, ApplicationRow r, int from, int to, boolean single2019) {
        List<String> forms = new ArrayList<>();
        if (single2019 && r.key().equals("other.other")) {
            forms.addAll(TemplateSpec.OUTCOME_GROUP_KEYWORDS.get("other"));
        } else {
            forms.add(r.label());
            for (String k : r.keywords()) if (!k.equals("其他") || r.key().equals("other.other")) forms.add(k);
        }
        int best = -1, bestEnd = -1;
        for (String f : forms) {
            String nf = LabelNormalizer.normalize(f);
            int i = c.indexOf(nf, from);
            if (i >= 0 && i < to && (best < 0 || i < best)) { best = i; bestEnd = i + nf.length(); }
            if (best >= 0 && f.equals(r.label())) break; // the full label is the surest form
        }
        if (best < 0) return null;
        if (r.key().equals("partially_disclosed") && bestEnd < to && c.s.charAt(bestEnd) == '(') {
            int close = c.s.indexOf(')', bestEnd);
            if (close > 0 && close < to) bestEnd = close + 1;
        }
        return new Hit(best, bestEnd);
    }

    private static boolean rowTotalHolds(List<Piece> row) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 6; i++) sum = sum.add(v(row.get(i)));
        return sum.compareTo(v(row.get(6))) == 0;
    }

    private static BigDecimal v(Piece p) { return p.value() == null ? BigDecimal.ZERO : p.value(); }

    /** The cross-row sum rules of table 三 from the rule book (APP_BALANCE, APP_OUTCOME_SUM). */
    private static List<SumRule> appConstraints() {
        return RuleBook.SUM_RULES.stream().filter(r -> r.id().equals(RuleBook.APP_BALANCE) || r.id().equals(RuleBook.APP_OUTCOME_SUM)).toList();
    }

    /**
     * For rows with several cuts, the cuts that together satisfy every cross-row rule whose cells are all
     * known; a row gets a cut only if every surviving combination gives it the same one.
     */
    private static Map<String, List<Piece>> solveAcrossRows(Map<String, List<List<Piece>>> candidates, List<SumRule> rules) {
        Map<String, List<Piece>> fixed = new LinkedHashMap<>();
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, List<List<Piece>>> e : candidates.entrySet()) {
            if (e.getValue().size() == 1) fixed.put(e.getKey(), e.getValue().get(0));
            else if (e.getValue().size() > 1) open.add(e.getKey());
        }
        if (open.isEmpty()) return fixed;
        long combos = 1;
        for (String k : open) { combos *= candidates.get(k).size(); if (combos > COMBINATION_LIMIT) return fixed; }
        Map<String, List<Piece>> agreed = new HashMap<>();
        java.util.Set<String> disagreeing = new java.util.HashSet<>();
        int[] idx = new int[open.size()];
        boolean anySurvivor = false;
        Map<String, List<Piece>> trial = new HashMap<>(fixed);
        while (true) {
            for (int i = 0; i < open.size(); i++) trial.put(open.get(i), candidates.get(open.get(i)).get(idx[i]));
            if (rulesHold(rules, trial, candidates.keySet())) {
                anySurvivor = true;
                for (String k : open) {
                    List<Piece> p = trial.get(k);
                    if (!agreed.containsKey(k)) agreed.put(k, p);
                    else if (!same(agreed.get(k), p)) disagreeing.add(k);
                }
            }
            int i = 0;
            while (i < open.size() && ++idx[i] == candidates.get(open.get(i)).size()) { idx[i] = 0; i++; }
            if (i == open.size()) break;
        }
        if (anySurvivor) for (String k : open) if (!disagreeing.contains(k)) fixed.put(k, agreed.get(k));
        return fixed;
    }

    private static boolean same(List<Piece> a, List<Piece> b) {
        for (int i = 0; i < a.size(); i++) if (!a.get(i).text().equals(b.get(i).text())) return false;
        return true;
    }

    private static boolean rulesHold(List<SumRule> rules, Map<String, List<Piece>> values, java.util.Set<String> present) {
        for (SumRule r : rules) {
            BigDecimal l = eval(r.left(), values, present), rt = eval(r.right(), values, present);
            if (l != null && rt != null && l.compareTo(rt) != 0) return false;
        }
        return true;
    }

    /** A rule side over the candidate values; rows absent from the document count as 0 in 2019 (not printed). */
    private static BigDecimal eval(LinearExpr e, Map<String, List<Piece>> values, java.util.Set<String> present) {
        BigDecimal sum = BigDecimal.ZERO;
        List<String> cols = TemplateSpec.applicantColumnKeys();
        for (LinearExpr.Term t : e.terms()) {
            CellRef ref = t.ref();
            List<Piece> row = values.get(ref.rowKey());
            if (row == null) {
                if (present.contains(ref.rowKey())) return null;     // unreadable: no verdict
                if (TemplateSpec.applicationRow(ref.rowKey()).in2019() || !values.containsKey("other.other")) return null;
                continue;                                             // 2021-only row in a 2019 table
            }
            BigDecimal x = v(row.get(cols.indexOf(ref.columnKey())));
            sum = t.sign() > 0 ? sum.add(x) : sum.subtract(x);
        }
        return sum;
    }

    // ------------------------------------------------------------------ table 四

    private int reviewTable(Compact c, int start, MatchedTables out) {
        int header = c.indexOf("结果维持", start);
        if (header < 0) return start;
        int lastTotal = header;
        int i = header;
        while (i < c.s.length() && !Character.isDigit(c.s.charAt(i))) i++;
        if (i >= c.s.length() || i - header > 200) return start;
        String run = valueRun(c, i, c.s.length(), null);
        int endOfRun = i;
        while (endOfRun < c.s.length() && isValueChar(c.s.charAt(endOfRun))) endOfRun++;
        GluedDigits.Cuts cuts = GluedDigits.cut(GluedDigits.chunks(run), 15, null, CUT_LIMIT);
        List<List<Piece>> sols = cuts.truncated() ? List.of() : cuts.solutions();
        if (sols.size() > 1) sols = sols.stream().filter(GluedTextMatcher::reviewTotalsHold).toList();
        List<String> keys = TemplateSpec.reviewColumnKeys();
        Cell[] cells = new Cell[15];
        for (int k = 0; k < 15; k++)
            cells[k] = sols.size() == 1 ? cell(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, keys.get(k), sols.get(0).get(k))
                    : Cell.unreadable(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, keys.get(k), run, null);
        if (sols.size() != 1) out.warnings.add("table 四: glued digits '" + run + "' have no single cut that the review totals allow; left unreadable");
        out.review = cells;
        return Math.max(endOfRun, lastTotal);
    }

    private static boolean reviewTotalsHold(List<Piece> row) {
        for (int g = 0; g < 3; g++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int k = 0; k < 4; k++) sum = sum.add(v(row.get(g * 5 + k)));
            if (sum.compareTo(v(row.get(g * 5 + 4))) != 0) return false;
        }
        return true;
    }

    private static Cell cell(String table, String row, String col, Piece p) {
        return p.blank() ? Cell.blank(table, row, col, p.text(), null) : Cell.value(table, row, col, p.value(), p.text(), null);
    }
}
