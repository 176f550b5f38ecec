package io.disclosurelake.template;

import io.disclosurelake.model.Cell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a matcher located in a document, before the template version maps it onto the canonical fields:
 * table 二 cells by (row label, column label) as printed, table 三 rows by row key, table 四's 15 cells.
 * Cells carry the raw text and page; their table/row/column keys are set when they are assembled.
 */
public final class MatchedTables {
    /** Table 二 cells keyed {@code 行政许可|处理决定数量} (canonical labels of TemplateSpec). */
    public final Map<String, Cell> active = new LinkedHashMap<>();
    public final Map<String, Cell[]> applications = new LinkedHashMap<>();
    public Cell[] review;
    public final List<String> warnings = new ArrayList<>();
    /** Row keys of table 三 seen more than once with numbers (two reports quoted side by side). */
    public final List<String> duplicateRows = new ArrayList<>();
    /** Table 三 printed a single （六）其他处理 row (2019 layout). */
    public boolean singleOtherRow;

    public static String activeKey(String rowLabel, String columnLabel) { return rowLabel + "|" + columnLabel; }

    public boolean hasActive() { return !active.isEmpty(); }
    public boolean hasApplications() { return !applications.isEmpty(); }
    public boolean hasReview() { return review != null; }
    public boolean isEmpty() { return !hasActive() && !hasApplications() && !hasReview(); }

    /** Two copies of the application table: both 一、本年新收 and （七）总计 appear twice with numbers. */
    public boolean looksDuplicated() { return duplicateRows.contains("new") && duplicateRows.contains("total"); }
}
