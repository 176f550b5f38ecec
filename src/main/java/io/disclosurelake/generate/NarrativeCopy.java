package io.disclosurelake.generate;

/**
 * A narrative planted as a copy ({@code generate --copies RATE}), recorded in the copy's truth: whose text it
 * takes and how. {@code kind} is cross_body (another body's report of the same year) or previous_year (the
 * body's own report of the year before); {@code variant} is name_swapped (the other body's name replaced by the
 * copier's), name_left (replaced except once: {@code nameLeft}), edited (name swapped and a few sentences
 * rewritten) or republished (last year's text with this year's dates and figures).
 */
public record NarrativeCopy(String kind, String variant, int sourceIndex, Body source, int sourceYear, String nameLeft,
                            long editSeed) {
    public static final String CROSS_BODY = "cross_body";
    public static final String PREVIOUS_YEAR = "previous_year";
}
