package io.disclosurelake.rules;

import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.SumRule;
import io.disclosurelake.spec.LinearExpr;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Evaluates {@link SumRule}s and {@link LinearExpr}s over reports — the Java reading of {@link RuleBook}. */
public final class SumRuleCheck {
    private SumRuleCheck() {}

    /**
     * The value of an expression for a report (and, for cross-year terms, the same body's previous report),
     * or empty when a term cannot be read: a missing table, an unreadable cell, or (unless
     * {@code absentAsZero}) a cell the template version lacks.
     */
    public static Optional<BigDecimal> evaluate(LinearExpr expr, Report current, Report previous, boolean absentAsZero) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LinearExpr.Term t : expr.terms()) {
            Report r = t.ref().yearOffset() == 0 ? current : previous;
            if (r == null) return Optional.empty();
            Cell c = r.cell(t.ref().table(), t.ref().rowKey(), t.ref().columnKey());
            if (c == null) return Optional.empty();
            BigDecimal v = c.valueForRules(absentAsZero);
            if (v == null) return Optional.empty();
            sum = t.sign() > 0 ? sum.add(v) : sum.subtract(v);
        }
        return Optional.of(sum);
    }

    /** The violation of one rule, if both sides can be read and differ. */
    public static Optional<Violation> check(SumRule rule, Report current, Report previous) {
        Optional<BigDecimal> l = evaluate(rule.left(), current, previous, rule.absentAsZero());
        Optional<BigDecimal> r = evaluate(rule.right(), current, previous, rule.absentAsZero());
        if (l.isEmpty() || r.isEmpty() || l.get().compareTo(r.get()) == 0) return Optional.empty();
        BigDecimal diff = l.get().subtract(r.get());
        return Optional.of(new Violation(rule.id(), rule.severity(), rule.scope(), strip(l.get()), strip(r.get()),
                strip(diff), null));
    }

    /** All within-report sum-rule violations of a report, in rule-book order. */
    public static List<Violation> checkReport(Report report) {
        List<Violation> out = new ArrayList<>();
        for (SumRule rule : RuleBook.SUM_RULES) check(rule, report, null).ifPresent(out::add);
        return out;
    }

    /** Cross-year violations of {@code current} against the same body's {@code previous} year. */
    public static List<Violation> checkCrossYear(Report current, Report previous) {
        List<Violation> out = new ArrayList<>();
        if (previous == null) return out;
        for (SumRule rule : RuleBook.CROSS_YEAR_RULES) check(rule, current, previous).ifPresent(out::add);
        return out;
    }

    static BigDecimal strip(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
