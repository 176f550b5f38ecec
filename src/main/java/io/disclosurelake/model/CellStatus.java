package io.disclosurelake.model;

/** What a table cell held, so that a missing number is never mistaken for a zero. */
public enum CellStatus {
    /** A number was read. */
    VALUE,
    /** The cell is printed but empty, or holds a dash/slash: missing, counted as 0 by the sum rules. */
    BLANK,
    /** The cell exists but its number cannot be read with certainty (e.g. glued digits with several splits). */
    UNREADABLE,
    /** The report's template version has no such cell (e.g. 本年废止件数 in a 2019 report). */
    NOT_IN_TEMPLATE;

    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
}
