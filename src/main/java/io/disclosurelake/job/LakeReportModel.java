package io.disclosurelake.job;

import io.disclosurelake.model.Box;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Region;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A stored report read back into the model ({@code model/Report}) from its {@code reports} row and its
 * {@code cells} rows, so that the Spark-free rules can judge it again (after a correction) without its document.
 * The narrative is not in the lake: the model has none.
 */
final class LakeReportModel {
    private LakeReportModel() {}

    static Report of(Row report, List<Row> cells) {
        Report r = new Report(new DocumentInfo(report.getAs("path"), report.getAs("sha256"), report.getAs("format"),
                report.getAs("pages"), 0L));
        r.setTemplate(TemplateSpec.Version.of(report.getAs("template")));
        r.setOrg(report.getAs("org"));
        r.setYear(report.getAs("year"));
        r.setRegion(new Region(report.getAs("province"), report.getAs("city"), report.getAs("county")));
        r.setReportScope(report.getAs("report_scope"));
        r.setTitle(report.getAs("title"));
        r.setStatus(report.getAs("status"));
        List<String> warnings = report.getList(report.fieldIndex("warnings"));
        if (warnings != null) warnings.forEach(r::addWarning);

        List<String> columns = TemplateSpec.applicantColumnKeys();
        Map<String, Cell[]> apps = new HashMap<>();
        for (Row c : cells) {
            Cell cell = cell(c);
            switch (cell.table()) {
                case TemplateSpec.ACTIVE_TABLE -> r.putActive(cell);
                case TemplateSpec.ACTIVE_2019_TABLE -> r.putActive2019(cell);
                case TemplateSpec.APPLICATIONS_TABLE -> {
                    int i = columns.indexOf(cell.columnKey());
                    if (i >= 0) apps.computeIfAbsent(cell.rowKey(), k -> new Cell[TemplateSpec.APPLICANT_COLUMN_COUNT])[i] = cell;
                }
                case TemplateSpec.REVIEW_TABLE -> {
                    int i = TemplateSpec.reviewColumnKeys().indexOf(cell.columnKey());
                    if (i >= 0) r.putReview(i, cell);
                }
                default -> { }
            }
        }
        // rows in template order, each whole (the extraction writes every cell of a row it found)
        for (String key : TemplateSpec.applicationRowKeys()) {
            Cell[] row = apps.get(key);
            if (row != null && java.util.Arrays.stream(row).allMatch(java.util.Objects::nonNull)) r.putApplicationRow(key, row);
        }
        return r;
    }

    static Cell cell(Row c) {
        BigDecimal v = c.getAs("value");
        if (v != null) v = v.stripTrailingZeros();
        Row b = c.getAs("box");
        Box box = b == null || b.isNullAt(0) ? null : new Box(b.getDouble(0), b.getDouble(1), b.getDouble(2), b.getDouble(3));
        return new Cell(c.getAs("table_name"), c.getAs("row_key"), c.getAs("column_key"), v,
                CellStatus.valueOf(c.<String>getAs("status").toUpperCase(Locale.ROOT)), c.getAs("raw_text"), c.getAs("page"),
                c.getAs("source"), box, c.getAs("confidence"), c.getAs("flag"));
    }

    static Violation violation(Row v) {
        return new Violation(v.getAs("rule"), v.getAs("severity"), v.getAs("scope"), v.getAs("left_value"),
                v.getAs("right_value"), v.getAs("difference"), v.getAs("detail"));
    }
}
