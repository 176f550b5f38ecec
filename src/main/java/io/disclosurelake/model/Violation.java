package io.disclosurelake.model;

import java.math.BigDecimal;

/**
 * A broken rule of docs/rules.md: which rule, how serious, where (a column, group or row label),
 * the two sides as printed and their difference (left − right). Sides are null for rules that compare
 * no sums (e.g. INCOMPLETE_TABLE), and {@code detail} says in words what was found.
 */
public record Violation(String rule, String severity, String scope, BigDecimal left, BigDecimal right,
                        BigDecimal difference, String detail) {
    public static final String ERROR = "error";
    public static final String WARNING = "warning";
}
