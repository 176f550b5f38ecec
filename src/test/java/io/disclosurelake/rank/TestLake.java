package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.rules.SumRuleCheck;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small lake written by the tests themselves: the silver tables {@code reports}, {@code cells} and
 * {@code rule_violations} with the LakeSchema schemas, from {@link Report}s built in the test.
 */
public final class TestLake {
    private final List<Row> reports = new ArrayList<>();
    private final List<Row> cells = new ArrayList<>();
    private final List<Row> violations = new ArrayList<>();

    /** Adds a report; its violations are those it carries plus the within-report sum rules' findings. */
    public TestLake add(Report r, String bodyKey, String scope, String firstSeenIso, String narrativeSha) {
        String id = bodyKey + "#" + r.year();
        Timestamp seen = firstSeenIso == null ? null : Timestamp.from(Instant.parse(firstSeenIso));
        Object[] first = {id, r.document().sha256(), r.document().path(), r.org(), bodyKey,
                r.region().province(), r.region().city(), r.region().county(), r.year(), r.template().id, r.status(),
                scope, "txt", null, r.org() + r.year() + "年政府信息公开工作年度报告", List.of(), narrativeSha, null, seen, "run-test"};
        // columns added since (report lifecycle: edited_after_publication, first_published_at, …) stay null
        reports.add(RowFactory.create(java.util.Arrays.copyOf(first, LakeSchema.table(LakeSchema.REPORTS).schema().size())));
        for (Cell c : r.allCells()) {
            cells.add(RowFactory.create(id, r.document().sha256(), c.table(), c.rowKey(), c.columnKey(), c.value(),
                    c.status().id(), c.raw(), c.page(), c.source(), null, c.confidence(), c.flag()));
        }
        List<Violation> all = new ArrayList<>(r.violations());
        all.addAll(SumRuleCheck.checkReport(r));
        for (Violation v : all) {
            violations.add(RowFactory.create(id, v.rule(), v.severity(), v.scope(), v.left(), v.right(), v.difference(), v.detail()));
        }
        return this;
    }

    public void write(SparkSession spark, String lake) {
        write(spark, lake, LakeSchema.REPORTS, reports);
        write(spark, lake, LakeSchema.CELLS, cells);
        write(spark, lake, LakeSchema.RULE_VIOLATIONS, violations);
    }

    /** Writes the quarantine table: one row per file path with its reason (other columns filler). */
    public static void quarantine(SparkSession spark, String lake, java.util.Map<String, String> pathToReason) {
        org.apache.spark.sql.types.StructType schema = LakeSchema.table(LakeSchema.QUARANTINE).schema();
        List<Row> rows = new ArrayList<>();
        for (java.util.Map.Entry<String, String> e : pathToReason.entrySet()) {
            Object[] v = new Object[schema.size()];
            for (int i = 0; i < v.length; i++) {
                org.apache.spark.sql.types.StructField f = schema.fields()[i];
                v[i] = switch (f.name()) {
                    case "path" -> e.getKey();
                    case "reason" -> e.getValue();
                    default -> f.dataType() == org.apache.spark.sql.types.DataTypes.StringType ? "x"
                            : f.dataType() == org.apache.spark.sql.types.DataTypes.LongType ? 1L
                            : f.dataType() == org.apache.spark.sql.types.DataTypes.TimestampType ? new java.sql.Timestamp(0) : null;
                };
            }
            rows.add(RowFactory.create(v));
        }
        spark.createDataFrame(rows, schema).write().format("delta").save(GoldTables.tablePath(lake, LakeSchema.QUARANTINE));
    }

    private static void write(SparkSession spark, String lake, String table, List<Row> rows) {
        spark.createDataFrame(rows, LakeSchema.table(table).schema()).coalesce(1).write().format("delta")
                .mode("overwrite").save(GoldTables.tablePath(lake, table));
    }
}
