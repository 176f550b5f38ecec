package io.disclosurelake.rules;

import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.SumRule;
import io.disclosurelake.spec.CellRef;
import io.disclosurelake.spec.LinearExpr;
import io.disclosurelake.spec.RatioMetric;
import java.util.List;
import java.util.StringJoiner;

/**
 * Renders {@link RuleBook}'s rules and rates as Spark SQL over the {@code cells} table, so the lake can
 * recompute them with the very definitions the extractor used. The {@code cells} table is read in long
 * form (report_id, table_name, row_key, column_key, value, status); one row per report results.
 *
 * <p>Blank cells count as 0; an unreadable cell makes an expression NULL (no verdict), exactly as
 * {@link SumRuleCheck}.
 */
public final class RuleSql {
    private RuleSql() {}

    /** SQL for a cell's rule value inside {@code GROUP BY report_id} over cells aliased {@code c}. */
    static String cellValue(CellRef ref, boolean absentAsZero) { return cellValue(ref, absentAsZero, ""); }

    /** As above, with an extra condition on the matching row (e.g. the year offset of a cross-year term). */
    static String cellValue(CellRef ref, boolean absentAsZero, String extraMatch) {
        String match = "c.table_name = '" + ref.table() + "' AND c.row_key = '" + ref.rowKey()
                + "' AND c.column_key = '" + ref.columnKey() + "'" + extraMatch;
        // MAX over the single matching row; NULL when the row is missing or unreadable.
        String zeroStatuses = absentAsZero ? "('blank', 'not_in_template')" : "('blank')";
        return "MAX(CASE WHEN " + match + " THEN CASE WHEN c.status = 'value' THEN c.value"
                + " WHEN c.status IN " + zeroStatuses + " THEN 0 END END)";
    }

    /** A linear expression over one report's cells (only year-offset-0 terms). */
    public static String expression(LinearExpr expr, boolean absentAsZero) {
        StringJoiner j = new StringJoiner(" ");
        boolean first = true;
        for (LinearExpr.Term t : expr.terms()) {
            if (t.ref().yearOffset() != 0) throw new IllegalArgumentException("cross-year term in a per-report expression");
            String v = cellValue(t.ref(), absentAsZero);
            j.add(first ? (t.sign() < 0 ? "-" + v : v) : (t.sign() < 0 ? "- " + v : "+ " + v));
            first = false;
        }
        return "(" + j + ")";
    }

    /**
     * One SELECT yielding the per-report sum-rule violations as rows of
     * (report_id, rule, severity, scope, left_value, right_value, difference), over a table or view of cells.
     */
    public static String sumRuleViolations(String cellsTable) {
        StringJoiner union = new StringJoiner("\nUNION ALL\n");
        for (SumRule r : RuleBook.SUM_RULES) {
            String l = expression(r.left(), r.absentAsZero());
            String rt = expression(r.right(), r.absentAsZero());
            union.add("SELECT report_id, '" + r.id() + "' AS rule, '" + r.severity() + "' AS severity, '"
                    + r.scope().replace("'", "''") + "' AS scope, " + l + " AS left_value, " + rt + " AS right_value"
                    + " FROM " + cellsTable + " c GROUP BY report_id");
        }
        return "SELECT report_id, rule, severity, scope, left_value, right_value, left_value - right_value AS difference"
                + " FROM (\n" + union + "\n) WHERE left_value IS NOT NULL AND right_value IS NOT NULL AND left_value <> right_value";
    }

    /**
     * One SELECT yielding every rate per report as rows of
     * (report_id, metric, numerator, denominator, value, small_sample).
     */
    public static String metrics(String cellsTable, int minDenominator) {
        StringJoiner union = new StringJoiner("\nUNION ALL\n");
        for (RatioMetric m : RuleBook.METRICS) {
            union.add("SELECT report_id, '" + m.name() + "' AS metric, " + expression(m.numerator(), true)
                    + " AS numerator, " + expression(m.denominator(), true) + " AS denominator FROM " + cellsTable
                    + " c GROUP BY report_id");
        }
        return "SELECT report_id, metric, numerator, denominator,"
                + " CASE WHEN denominator IS NULL OR denominator = 0 OR numerator IS NULL THEN NULL"
                + " ELSE CAST(numerator AS DOUBLE) / CAST(denominator AS DOUBLE) END AS value,"
                + " (denominator IS NULL OR denominator < " + minDenominator + ") AS small_sample"
                + " FROM (\n" + union + "\n)";
    }

    /**
     * One SELECT yielding the cross-year violations ({@link RuleBook#CROSS_YEAR_RULES}) as rows of
     * (report_id, rule, severity, scope, left_value, right_value, difference), over a table or view of
     * <em>paired</em> cells: for each report, its own cells with {@code year_offset = 0} and the cells of the
     * same body's previous-year report with {@code year_offset = -1}, all under the current report's id.
     * A report without a previous year has no offset −1 cells, so its cross-year rules give no verdict.
     */
    public static String crossYearViolations(String pairedCellsTable) {
        StringJoiner union = new StringJoiner("\nUNION ALL\n");
        for (SumRule r : RuleBook.CROSS_YEAR_RULES) {
            String l = pairedExpression(r.left(), r.absentAsZero());
            String rt = pairedExpression(r.right(), r.absentAsZero());
            union.add("SELECT report_id, '" + r.id() + "' AS rule, '" + r.severity() + "' AS severity, '"
                    + r.scope().replace("'", "''") + "' AS scope, " + l + " AS left_value, " + rt + " AS right_value"
                    + " FROM " + pairedCellsTable + " c GROUP BY report_id");
        }
        return "SELECT report_id, rule, severity, scope, left_value, right_value, left_value - right_value AS difference"
                + " FROM (\n" + union + "\n) WHERE left_value IS NOT NULL AND right_value IS NOT NULL AND left_value <> right_value";
    }

    /** The (table, row, column) addresses the cross-year rules read, to narrow the cells that need pairing. */
    public static List<CellRef> crossYearRefs() {
        java.util.LinkedHashSet<CellRef> refs = new java.util.LinkedHashSet<>();
        for (SumRule r : RuleBook.CROSS_YEAR_RULES) {
            for (CellRef c : r.left().refs()) refs.add(new CellRef(c.table(), c.rowKey(), c.columnKey()));
            for (CellRef c : r.right().refs()) refs.add(new CellRef(c.table(), c.rowKey(), c.columnKey()));
        }
        return List.copyOf(refs);
    }

    /** Like {@link #expression} but each term also selects its year ({@code c.year_offset}). */
    static String pairedExpression(LinearExpr expr, boolean absentAsZero) {
        StringJoiner j = new StringJoiner(" ");
        boolean first = true;
        for (LinearExpr.Term t : expr.terms()) {
            String v = cellValue(t.ref(), absentAsZero, " AND c.year_offset = " + t.ref().yearOffset());
            j.add(first ? (t.sign() < 0 ? "-" + v : v) : (t.sign() < 0 ? "- " + v : "+ " + v));
            first = false;
        }
        return "(" + j + ")";
    }

    public static List<String> ruleIds() {
        return RuleBook.RULES.stream().map(RuleBook.RuleInfo::id).toList();
    }
}
