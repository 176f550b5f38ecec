package io.disclosurelake.review;

import java.util.List;

/**
 * The columns of the review sheet (CSV and XLSX), in order: the first line of each file holds the keys, so the
 * filled sheet is read back by key whatever order or extra columns a spreadsheet gives it. The last three are
 * left empty for the reviewer.
 */
public final class ReviewSheet {
    private ReviewSheet() {}

    public static final String CORRECTED_VALUE = "corrected_value";
    public static final String REVIEWER_NOTE = "reviewer_note";
    public static final String REVIEWER = "reviewer";

    /** Keys of the columns, in the order written. */
    public static final List<String> COLUMNS = List.of(
            "kind", "year", "province", "org", "report_id", "sha256", "path",
            "table_name", "row_key", "column_key", "status", "value", "raw_text", "page", "source",
            "box", "confidence", "flag", "rule", "rule_text", "detail",
            CORRECTED_VALUE, REVIEWER_NOTE, REVIEWER);

    /** The values of one item, in {@link #COLUMNS} order (numbers as numbers, the box as "x,y,w,h" in points). */
    public static Object[] values(ReviewItem i) {
        String box = i.box() == null ? null : String.format(java.util.Locale.ROOT, "%.1f,%.1f,%.1f,%.1f",
                i.box().x(), i.box().y(), i.box().width(), i.box().height());
        return new Object[]{i.kind(), i.year(), i.province(), i.org(), i.reportId(), i.sha256(), i.path(),
                i.table(), i.row(), i.column(), i.status(), i.value(), i.rawText(), i.page(), i.source(),
                box, i.confidence(), i.flag(), i.rule(), i.ruleText(), i.detail(), null, null, null};
    }
}
