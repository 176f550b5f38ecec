package io.disclosurelake.model;

import java.math.BigDecimal;

/**
 * A rate of docs/metrics.md with the parts it was computed from. {@code value} is null when the
 * denominator is zero or a part is unreadable; {@code smallSample} marks a denominator under the
 * configured minimum. {@code convention} names the denominator's definition.
 */
public record MetricValue(String metric, Double value, BigDecimal numerator, BigDecimal denominator,
                          boolean smallSample, String convention) {}
