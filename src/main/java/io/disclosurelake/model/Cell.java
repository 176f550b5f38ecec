package io.disclosurelake.model;

import java.math.BigDecimal;

/**
 * One value of a statistical table with its provenance: which table, row and column of the canonical
 * template it fills, the text the document printed for it and the page (PDF) it came from.
 * {@code value} is null unless {@code status} is VALUE.
 *
 * <p>Provenance beyond the page: {@code source} is {@link #TEXT} (a text layer or markup) or {@link #OCR}
 * (recognised in a page image); {@code box} where it was printed (null when the format has no geometry);
 * {@code confidence} the recognizer's confidence (0..1) for OCR'd cells, else null; {@code flag} why an OCR'd
 * cell was set unreadable ({@link #FLAG_LOW_CONFIDENCE}, {@link #FLAG_BREAKS_RULE}), else null.
 */
public record Cell(String table, String rowKey, String columnKey, BigDecimal value, CellStatus status,
                   String raw, Integer page, String source, Box box, Double confidence, String flag) {

    public static final String TEXT = "text";
    public static final String OCR = "ocr";
    /** An OCR'd number read with a confidence under the configured minimum: null, never guessed. */
    public static final String FLAG_LOW_CONFIDENCE = "ocr_low_confidence";
    /** An OCR'd number that breaks a sum rule the rest of the table keeps: null, never guessed. */
    public static final String FLAG_BREAKS_RULE = "ocr_breaks_rule";

    public Cell {
        if (status == CellStatus.VALUE && value == null) throw new IllegalArgumentException("VALUE cell without value");
        if (status != CellStatus.VALUE && value != null) throw new IllegalArgumentException(status + " cell with a value");
        if (source == null) source = TEXT;
    }

    /** A cell read from a text layer or markup (source {@code text}, no box). */
    public Cell(String table, String rowKey, String columnKey, BigDecimal value, CellStatus status, String raw, Integer page) {
        this(table, rowKey, columnKey, value, status, raw, page, TEXT, null, null, null);
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

    /** This cell with the provenance of where it was read. */
    public Cell withProvenance(String newSource, Box newBox, Double newConfidence) {
        return new Cell(table, rowKey, columnKey, value, status, raw, page, newSource, newBox, newConfidence, flag);
    }

    /** This cell at another template address, provenance kept. */
    public Cell rekeyed(String newTable, String newRow, String newColumn) {
        return new Cell(newTable, newRow, newColumn, value, status, raw, page, source, box, confidence, flag);
    }

    /** This cell made unreadable (value dropped) for the reason {@code why}, provenance kept. */
    public Cell unreadableBecause(String why) {
        return new Cell(table, rowKey, columnKey, null, CellStatus.UNREADABLE, raw, page, source, box, confidence, why);
    }

    public boolean isOcr() { return OCR.equals(source); }

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
