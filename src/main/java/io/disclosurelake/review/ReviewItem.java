package io.disclosurelake.review;

import io.disclosurelake.model.Box;

import java.math.BigDecimal;

/**
 * One row of the review queue (docs/review.md): a cell a person should look at — flagged by OCR, unreadable,
 * or part of a broken rule — or a published report that could not be read at all. What was read is kept as
 * the lake has it (value, status, raw text, page, source, and for OCR the crop's box and confidence), so a
 * correction can later tell whether the cell still holds what the reviewer saw.
 *
 * @param kind {@link #FLAGGED}, {@link #RULE} or {@link #UNREADABLE_REPORT}
 */
public record ReviewItem(String kind, Integer year, String province, String org, String reportId, String sha256,
                         String path, String table, String row, String column, String status, BigDecimal value,
                         String rawText, Integer page, String source, Box box, Double confidence, String flag,
                         String rule, String ruleText, String detail) {
    /** An OCR-flagged or unreadable cell. */
    public static final String FLAGGED = "flagged";
    /** A cell of a broken rule (its terms), or the report when the rule names no cell. */
    public static final String RULE = "rule";
    /** A report that was published but whose file could not be read (coverage status unreadable). */
    public static final String UNREADABLE_REPORT = "unreadable_report";
}
