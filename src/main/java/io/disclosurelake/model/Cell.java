package io.disclosurelake.model;

import java.math.BigDecimal;

/**
 * One value of a statistical table with its provenance: which table, row and column of the canonical
 * template it fills, the text the document printed for it and the page (PDF) it came from.
 * {@code value} is null unless {@code status} is VALUE.
 */
public record Cell(String table, String rowKey, String columnKey, BigDecimal value, CellStatus status,
                   String raw, Integer page) {

    public Cell {
        if (status == CellStatus.VALUE && value == null) throw new IllegalArgumentException("VALUE cell without value");
        if (status != CellStatus.VALUE && value != null) throw new IllegalArgumentException(status + " cell with a value");
    }

    public static Cell value(String table, String row, String column, BigDecimal value, String raw, Integer page) {
        return new Cell(table, row, column, value, CellStatus.VALUE, raw, page);
    }

    public static Cell blank(String table, String row, String column, String raw, Integer page) {
        return new Cell(table, row, column, null, CellStatus.BLANK, raw, page);
    }

    public static Cell unreadable(String table, String row, String column, String raw, Integer page) {
        return new Cell(table, row, column, null, CellStatus.UNREADABLE, raw, page);
    }

    public static Cell notInTemplate(String table, String row, String column) {
        return new Cell(table, row, column, null, CellStatus.NOT_IN_TEMPLATE, null, null);
    }

    public boolean hasValue() { return status == CellStatus.VALUE; }

    /**
     * The value as the sum rules read it: blank counts as 0 (docs/rules.md §4); a cell the
     * version does not print counts as 0 when {@code absentAsZero} (the 2019 single （六） row), else as
     * unknown; an unreadable cell is always unknown (null), so no rule is judged on a guess.
     */
    public BigDecimal valueForRules(boolean absentAsZero) {
        return switch (status) {
            case VALUE -> value;
            case BLANK -> BigDecimal.ZERO;
            case NOT_IN_TEMPLATE -> absentAsZero ? BigDecimal.ZERO : null;
            case UNREADABLE -> null;
        };
    }
}
