package io.disclosurelake.job;

import io.disclosurelake.lake.JoinKeys;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.*;

/**
 * Step: choosing the version of each report. Among the night's new report versions and the lake's current
 * ones, per report_id the latest first-seen (then the greatest path, then sha256) wins.
 */
public final class ReportVersions {
    private ReportVersions() {}

    /** Nested columns of an extraction row that travel with a winner to the child tables. */
    static final List<String> NESTED = List.of("active", "applications", "review", "cells", "violations", "metrics");

    /**
     * @param extracted   extraction rows ({@link ExtractionRows#SCHEMA}) of the night
     * @param lakeReports the lake's {@code reports} whose version is still in the input (the night passes
     *                    {@link ReportLifecycle#present}: a version whose file vanished or changed takes no part)
     * @return the new versions that won: the columns of {@code reports} (without run_id and the lifecycle
     *         columns) and the nested ones
     */
    public static Dataset<Row> choose(Dataset<Row> extracted, Dataset<Row> lakeReports) {
        Dataset<Row> fresh = extracted.where(col("extracted").and(col("status").notEqual("quarantined"))
                .and(col(LakeSchema.REPORT_ID).isNotNull()));
        Dataset<Row> contest = fresh.select(col(LakeSchema.REPORT_ID), col("first_seen").as("seen"), col("path"), col("sha256"), lit(true).as("fresh"))
                .unionByName(lakeReports.join(fresh.select(LakeSchema.REPORT_ID).distinct(), JoinKeys.of(LakeSchema.REPORT_ID), "left_semi")
                        .select(col(LakeSchema.REPORT_ID), coalesce(col("first_seen"), lit(new Timestamp(0))).as("seen"), col("path"),
                                col("sha256"), lit(false).as("fresh")));
        Dataset<Row> won = contest.withColumn("rank", row_number().over(Window.partitionBy(LakeSchema.REPORT_ID)
                        .orderBy(col("seen").desc(), col("path").desc(), col("sha256").desc())))
                .where(col("rank").equalTo(1).and(col("fresh"))).select(LakeSchema.REPORT_ID, "path");
        List<Column> cols = new ArrayList<>();
        for (String c : LakeSchema.table(LakeSchema.REPORTS).schema().fieldNames()) {
            // run_id and the lifecycle columns are the night's, not the document's (job/ReportLifecycle adds them)
            if (!c.equals("run_id") && !LakeSchema.REPORT_LIFECYCLE.contains(c)) cols.add(col(c));
        }
        for (String c : NESTED) cols.add(col(c));
        return fresh.join(won, JoinKeys.of(LakeSchema.REPORT_ID, "path"), "left_semi").select(cols.toArray(new Column[0]));
    }
}
