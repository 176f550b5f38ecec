package io.disclosurelake.spec;

/**
 * An arithmetic rule of docs/rules.md: {@code left = right}, checked for one scope (a column, a group or a
 * row). {@code scope} is the label stored with a violation (e.g. 自然人, 行政复议). {@code absentAsZero}:
 * whether a cell the report's template version does not print counts as 0 (true for within-report sums,
 * false for cross-year rules, where a missing column means the rule cannot be judged).
 */
public record SumRule(String id, String severity, String scope, LinearExpr left, LinearExpr right,
                      boolean absentAsZero) {
    /** Cross-year rules refer to the previous year's report of the same body. */
    public boolean crossYear() {
        return left.terms().stream().anyMatch(t -> t.ref().yearOffset() != 0)
                || right.terms().stream().anyMatch(t -> t.ref().yearOffset() != 0);
    }
}
