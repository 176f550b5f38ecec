package io.disclosurelake.lake;

import io.disclosurelake.spec.RuleBook;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static io.disclosurelake.lake.LakeSchema.METRIC;
import static io.disclosurelake.lake.LakeSchema.REPORT_ID;
import static org.apache.spark.sql.functions.*;

/**
 * The one definition of a report's violation counts — {@code error_violations}, {@code warning_violations}
 * (violations of that severity) and {@code violations.<RULE>} (of that rule), 0 when there is none — and of
 * their {@code report_metrics} rows. The nightly job writes them for the reports a night touches; the gold
 * layer only completes a lake whose counts were written otherwise (an older version), from here too.
 */
public final class ViolationCounts {
    private ViolationCounts() {}

    public static final String ERRORS = "error_violations";
    public static final String WARNINGS = "warning_violations";
    public static final String PER_RULE_PREFIX = "violations.";

    /** The severity counts. */
    public static final List<String> SEVERITY_METRICS = List.of(ERRORS, WARNINGS);

    /** Every count metric: the severity counts, then one per rule of {@link RuleBook#RULES}. */
    public static List<String> metrics() {
        List<String> m = new ArrayList<>(SEVERITY_METRICS);
        for (RuleBook.RuleInfo r : RuleBook.RULES) m.add(PER_RULE_PREFIX + r.id());
        return m;
    }

    /** Whether a metric name is a violation count (also of a rule no longer in the rule book). */
    public static Column isCount(Column metric) {
        return metric.isin(SEVERITY_METRICS.toArray()).or(metric.startsWith(PER_RULE_PREFIX));
    }

    /**
     * Per report of {@code reportIds} (one column report_id) and metric of {@code metrics}: report_id, metric
     * and n, the number of {@code violations} (rule_violations rows) it counts.
     */
    public static Dataset<Row> counts(Dataset<Row> reportIds, Dataset<Row> violations, List<String> metrics) {
        Dataset<Row> tagged = violations.select(col(REPORT_ID), concat(col(LakeSchema.SEVERITY), lit("_violations")).as(METRIC))
                .unionByName(violations.select(col(REPORT_ID), concat(lit(PER_RULE_PREFIX), col(LakeSchema.RULE)).as(METRIC)))
                .groupBy(REPORT_ID, METRIC).agg(count(lit(1)).as("vn"));
        Dataset<Row> wanted = reportIds.select(REPORT_ID).distinct()
                .crossJoin(violations.sparkSession().createDataset(metrics, org.apache.spark.sql.Encoders.STRING()).toDF(METRIC));
        return wanted.join(tagged, JoinKeys.of(REPORT_ID, METRIC), "left")
                .select(col(REPORT_ID), col(METRIC), coalesce(col("vn"), lit(0L)).as("n"));
    }

    /** {@link #counts} as {@code report_metrics} rows (convention {@code count}: value and numerator the count). */
    public static Dataset<Row> metricRows(Dataset<Row> counts) {
        Column n = col("n");
        return counts.select(col(REPORT_ID), col(METRIC), n.cast("double").as("value"),
                n.cast(LakeSchema.AMOUNT).as("numerator"), lit(null).cast(LakeSchema.AMOUNT).as("denominator"),
                lit(null).cast("boolean").as("small_sample"), lit("count").as("convention"));
    }
}
