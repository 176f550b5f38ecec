package io.disclosurelake.spec;

/**
 * A rate of docs/metrics.md: numerator / denominator, with the name of the denominator's convention
 * (e.g. "total_closed" for （七）总计).
 */
public record RatioMetric(String name, String label, LinearExpr numerator, LinearExpr denominator, String convention) {}
