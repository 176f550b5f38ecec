package io.disclosurelake.rules;

import io.disclosurelake.model.Cell;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.LinearExpr;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.SumRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The confidence check of OCR'd numbers: a wrong number is worse than a null, so an OCR'd value is made
 * unreadable (null, flagged, with a warning) when
 * <ul>
 *   <li>its recognition confidence is under the minimum ({@link Cell#FLAG_LOW_CONFIDENCE}), or</li>
 *   <li>it breaks the template's sum rules where the cell explains the break ({@link Cell#FLAG_BREAKS_RULE}):
 *       it sits in two or more broken rules (the crossing of a broken row rule and a broken column rule), or it is
 *       the least confident OCR'd value of a broken rule and under {@link #SUSPECT_CONFIDENCE}.</li>
 * </ul>
 * An OCR'd number under {@link #UNVERIFIED_CONFIDENCE} that no holding sum rule confirms is null too. A reading
 * under the minimum but at least {@link #CONFIRMABLE_CONFIDENCE} stands when it is the one doubtful cell of a sum
 * rule that holds with it ({@link #confirmedBySums}).
 * A break no OCR'd cell explains is left as it is: the report's own arithmetic is wrong, and the rules report it.
 * Runs before {@link ReportRules#apply}, so the violations are judged on what is left.
 */
public final class OcrCellCheck {
    private OcrCellCheck() {}

    /** A recognition this sure or surer is not blamed for a break on its own (only at a crossing of broken rules). */
    public static final double SUSPECT_CONFIDENCE = 0.97;
    /** Under this an OCR'd number stands only when a sum rule that holds confirms it. */
    public static final double UNVERIFIED_CONFIDENCE = 0.95;

    public static void apply(Report r, double minConfidence) {
        List<Cell> low = new ArrayList<>();
        for (Cell c : r.allCells()) {
            if (c.isOcr() && c.hasValue() && c.confidence() != null && c.confidence() < minConfidence) {
                low.add(c);
                r.replaceCell(c.unreadableBecause(Cell.FLAG_LOW_CONFIDENCE));
            }
        }
        List<Cell> confirmed = confirmedBySums(r, low);
        for (Cell c : low) {
            if (confirmed.contains(c)) continue;
            r.addWarning(where(c) + ": OCR read '" + c.raw() + "' with confidence "
                    + String.format(java.util.Locale.ROOT, "%.2f", c.confidence()) + ", under " + minConfidence + "; left null");
        }
        for (int round = 0; round < 10; round++) {
            Map<String, List<Cell>> brokenBy = new HashMap<>(); // rule id+scope -> its OCR'd value cells
            Map<Cell, Integer> breaks = new HashMap<>();
            for (SumRule rule : RuleBook.SUM_RULES) {
                if (SumRuleCheck.check(rule, r, null).isEmpty()) continue;
                List<Cell> ocr = new ArrayList<>();
                for (LinearExpr e : List.of(rule.left(), rule.right())) {
                    for (LinearExpr.Term t : e.terms()) {
                        Cell c = r.cell(t.ref().table(), t.ref().rowKey(), t.ref().columnKey());
                        if (c != null && c.isOcr() && c.hasValue() && !ocr.contains(c)) ocr.add(c);
                    }
                }
                if (ocr.isEmpty()) continue;
                brokenBy.put(rule.id() + "/" + rule.scope(), ocr);
                for (Cell c : ocr) breaks.merge(c, 1, Integer::sum);
            }
            List<Cell> blamed = new ArrayList<>();
            for (Map.Entry<Cell, Integer> e : breaks.entrySet()) if (e.getValue() >= 2) blamed.add(e.getKey());
            if (blamed.isEmpty()) {
                for (List<Cell> cells : brokenBy.values()) {
                    Cell least = null;
                    for (Cell c : cells) if (c.confidence() != null && (least == null || c.confidence() < least.confidence())) least = c;
                    if (least != null && least.confidence() < SUSPECT_CONFIDENCE && !blamed.contains(least)) blamed.add(least);
                }
            }
            if (blamed.isEmpty()) break;
            for (Cell c : blamed) {
                r.replaceCell(c.unreadableBecause(Cell.FLAG_BREAKS_RULE));
                r.addWarning(where(c) + ": OCR read '" + c.raw() + "', which breaks the table's sums; left null");
            }
        }
        unverified(r);
    }

    /**
     * Low-confidence readings ({@code low}, already made null) that a sum rule confirms are given back: a reading at
     * or over {@link #CONFIRMABLE_CONFIDENCE} that is the only doubtful cell of a sum rule whose other cells are all
     * known, and with which the rule holds, equals the number the rest of the table implies — two independent
     * witnesses agree. On noisy scans most such readings are a lone 0, which the recognizer reads right but unsure
     * (a single glyph gives it little context). Repeated until nothing changes, as each confirmed cell can complete
     * another rule. Returns the cells given back.
     */
    static List<Cell> confirmedBySums(Report r, List<Cell> low) {
        List<Cell> back = new ArrayList<>();
        for (boolean changed = true; changed; ) {
            changed = false;
            for (SumRule rule : RuleBook.SUM_RULES) {
                List<Cell> doubtful = new ArrayList<>();
                for (LinearExpr e : List.of(rule.left(), rule.right()))
                    for (LinearExpr.Term t : e.terms()) {
                        Cell now = r.cell(t.ref().table(), t.ref().rowKey(), t.ref().columnKey());
                        if (now == null || now.hasValue()) continue;
                        for (Cell c : low) if (!back.contains(c) && !doubtful.contains(c) && sameAddress(c, now)) doubtful.add(c);
                    }
                if (doubtful.size() != 1 || doubtful.get(0).confidence() < CONFIRMABLE_CONFIDENCE) continue;
                Cell only = doubtful.get(0);
                Cell nulled = r.cell(only.table(), only.rowKey(), only.columnKey());
                r.replaceCell(only);
                boolean holds = SumRuleCheck.evaluate(rule.left(), r, null, rule.absentAsZero()).isPresent()
                        && SumRuleCheck.evaluate(rule.right(), r, null, rule.absentAsZero()).isPresent()
                        && SumRuleCheck.check(rule, r, null).isEmpty();
                if (holds) {
                    back.add(only);
                    changed = true;
                } else {
                    r.replaceCell(nulled);
                }
            }
        }
        return back;
    }

    /** Under this a reading is null whatever the sums say (it is read too unsure for even arithmetic to confirm). */
    public static final double CONFIRMABLE_CONFIDENCE = 0.6;

    private static boolean sameAddress(Cell a, Cell b) {
        return a.table().equals(b.table()) && a.rowKey().equals(b.rowKey()) && java.util.Objects.equals(a.columnKey(), b.columnKey());
    }

    /**
     * OCR'd numbers that sit in sum rules of which none can be judged and holds are null (a scan's number must be
     * confirmed by the template's arithmetic when it can be); so are those under {@link #UNVERIFIED_CONFIDENCE}
     * that no sum rule confirms (none of their rules can be
     * judged, e.g. because the total beside them is unreadable, or they are in no rule) are null as well.
     */
    static void unverified(Report r) {
        java.util.Set<Cell> confirmed = new java.util.HashSet<>();
        java.util.Set<Cell> inRule = new java.util.HashSet<>();
        for (SumRule rule : RuleBook.SUM_RULES)
            for (LinearExpr e : List.of(rule.left(), rule.right()))
                for (LinearExpr.Term t : e.terms()) {
                    Cell c = r.cell(t.ref().table(), t.ref().rowKey(), t.ref().columnKey());
                    if (c != null) inRule.add(c);
                }
        for (SumRule rule : RuleBook.SUM_RULES) {
            if (SumRuleCheck.evaluate(rule.left(), r, null, rule.absentAsZero()).isEmpty()
                    || SumRuleCheck.evaluate(rule.right(), r, null, rule.absentAsZero()).isEmpty()
                    || SumRuleCheck.check(rule, r, null).isPresent()) continue;
            for (LinearExpr e : List.of(rule.left(), rule.right()))
                for (LinearExpr.Term t : e.terms()) {
                    Cell c = r.cell(t.ref().table(), t.ref().rowKey(), t.ref().columnKey());
                    if (c != null) confirmed.add(c);
                }
        }
        for (Cell c : r.allCells()) {
            if (!c.isOcr() || !c.hasValue() || confirmed.contains(c)) continue;
            // a number the template's sums should check but none can: on a scan, left null rather than trusted
            boolean unchecked = inRule.contains(c);
            if (unchecked || c.confidence() != null && c.confidence() < UNVERIFIED_CONFIDENCE) {
                r.replaceCell(c.unreadableBecause(Cell.FLAG_LOW_CONFIDENCE));
                r.addWarning(where(c) + ": OCR read '" + c.raw() + "' with confidence "
                        + String.format(java.util.Locale.ROOT, "%.2f", c.confidence() == null ? 0 : c.confidence())
                        + (unchecked ? ", and none of its sum rules can confirm it" : " and no sum rule confirms it") + "; left null");
            }
        }
    }

    private static String where(Cell c) {
        return c.table() + " " + c.rowKey() + (c.columnKey() == null ? "" : "/" + c.columnKey()) + (c.page() == null ? "" : " (page " + c.page() + ")");
    }
}
