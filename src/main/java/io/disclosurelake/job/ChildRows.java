package io.disclosurelake.job;

import io.disclosurelake.lake.JoinKeys;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.ViolationCounts;
import io.disclosurelake.spec.RuleBook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static io.disclosurelake.lake.LakeSchema.REPORT_ID;
import static io.disclosurelake.lake.LakeSchema.SHA256;
import static org.apache.spark.sql.functions.*;

/**
 * Step: the rows of the child tables for the night's winning versions ({@link ReportVersions#choose}) — each a
 * projection of the nested columns the extraction wrote — and the rewritten violations and metrics of the
 * reports in cross-year scope.
 */
public final class ChildRows {
    private ChildRows() {}

    public static Dataset<Row> cells(Dataset<Row> winners) {
        return winners.select(col(REPORT_ID), col(SHA256), explode(col("cells")).as("c")).select(REPORT_ID, SHA256, "c.*");
    }

    public static Dataset<Row> applications(Dataset<Row> winners) {
        return winners.select(col(REPORT_ID), explode(col("applications")).as("a")).select(REPORT_ID, "a.*");
    }

    public static Dataset<Row> activeDisclosure(Dataset<Row> winners) {
        return winners.where(col("active").isNotNull()).select(REPORT_ID, "active.*");
    }

    public static Dataset<Row> reviewLitigation(Dataset<Row> winners) {
        return winners.where(col("review").isNotNull()).select(REPORT_ID, "review.*");
    }

    /**
     * rule_violations of the reports in scope: the winners' own, the kept reports' single-year ones as the lake
     * has them, and the cross-year ones ({@link CrossYearRules#violations}) of all.
     */
    public static Dataset<Row> violations(Dataset<Row> winners, Dataset<Row> lakeViolations, Dataset<Row> keptIds, Dataset<Row> crossYear) {
        Object[] crossRules = RuleBook.RULES.stream().filter(RuleBook.RuleInfo::crossYear).map(RuleBook.RuleInfo::id).toArray();
        return winners.select(col(REPORT_ID), explode(col("violations")).as("v")).select(REPORT_ID, "v.*")
                .unionByName(lakeViolations.join(keptIds, JoinKeys.of(REPORT_ID), "left_semi")
                        .where(not(col(LakeSchema.RULE).isin(crossRules))))
                .unionByName(crossYear);
    }

    /**
     * report_metrics of the reports in scope as the job writes them: the winners' rates, the kept reports' rates
     * as the lake has them, and every violation count ({@link ViolationCounts#metrics}: by severity and by rule)
     * of every report in scope over {@code violations} (the output of {@link #violations}). The job is the one
     * writer of the counts.
     */
    public static Dataset<Row> metrics(Dataset<Row> winners, Dataset<Row> lakeMetrics, Dataset<Row> keptIds,
                                       Dataset<Row> scopeIds, Dataset<Row> violations) {
        return winners.select(col(REPORT_ID), explode(col("metrics")).as("m")).select(REPORT_ID, "m.*")
                .unionByName(lakeMetrics.join(keptIds, JoinKeys.of(REPORT_ID), "left_semi")
                        .where(not(ViolationCounts.isCount(col(LakeSchema.METRIC)))))
                .unionByName(ViolationCounts.metricRows(ViolationCounts.counts(scopeIds, violations, ViolationCounts.metrics())));
    }
}
