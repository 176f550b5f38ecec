package io.disclosurelake.lake;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The one definition of the reports that count: the rows of {@code reports} not retired (docs/job.md "A report's
 * life"). The night's steps, the gold layer and the SQL session's {@code reports} view all read reports through
 * it, so a retired report leaves metrics, gold tables, rankings, exports and views in one place. A lake written
 * before the lifecycle columns existed gets them as nulls (every report current).
 */
public final class CurrentReports {
    private CurrentReports() {}

    /** {@code reports} rows with {@code retired_at} null, every lifecycle column present. */
    public static Dataset<Row> of(Dataset<Row> reports) {
        Dataset<Row> r = withLifecycle(reports);
        return r.where(col(LakeSchema.RETIRED_AT).isNull());
    }

    /** {@code reports} rows with {@code retired_at} null, columns as they are (a lake without the column: every row). */
    public static Dataset<Row> only(Dataset<Row> reports) {
        return List.of(reports.columns()).contains(LakeSchema.RETIRED_AT) ? reports.where(col(LakeSchema.RETIRED_AT).isNull()) : reports;
    }

    /** {@code reports} with the lifecycle columns of {@link LakeSchema#REPORT_LIFECYCLE} added as nulls where missing. */
    public static Dataset<Row> withLifecycle(Dataset<Row> reports) {
        List<String> have = List.of(reports.columns());
        Dataset<Row> r = reports;
        for (StructField f : LakeSchema.table(LakeSchema.REPORTS).schema().fields()) {
            if (LakeSchema.REPORT_LIFECYCLE.contains(f.name()) && !have.contains(f.name())) {
                r = r.withColumn(f.name(), lit(null).cast(f.dataType()));
            }
        }
        return r;
    }
}
