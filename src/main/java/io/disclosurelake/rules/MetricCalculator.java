package io.disclosurelake.rules;

import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.RatioMetric;
import io.disclosurelake.model.MetricValue;
import io.disclosurelake.model.Report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Computes the rates of {@link RuleBook#METRICS} for one report — the Java reading of the definitions. */
public final class MetricCalculator {
    /** Default minimum denominator below which a rate is marked {@code small_sample} (docs/metrics.md). */
    public static final int DEFAULT_MIN_DENOMINATOR = 30;

    private final int minDenominator;

    public MetricCalculator(int minDenominator) { this.minDenominator = minDenominator; }

    public MetricCalculator() { this(DEFAULT_MIN_DENOMINATOR); }

    public MetricValue compute(RatioMetric m, Report report) {
        Optional<BigDecimal> num = SumRuleCheck.evaluate(m.numerator(), report, null, true);
        Optional<BigDecimal> den = SumRuleCheck.evaluate(m.denominator(), report, null, true);
        BigDecimal n = num.map(SumRuleCheck::strip).orElse(null);
        BigDecimal d = den.map(SumRuleCheck::strip).orElse(null);
        Double value = (n == null || d == null || d.signum() == 0) ? null : n.doubleValue() / d.doubleValue();
        boolean small = d == null || d.compareTo(BigDecimal.valueOf(minDenominator)) < 0;
        return new MetricValue(m.name(), value, n, d, small, m.convention());
    }

    public List<MetricValue> computeAll(Report report) {
        List<MetricValue> out = new ArrayList<>();
        for (RatioMetric m : RuleBook.METRICS) out.add(compute(m, report));
        return out;
    }
}
