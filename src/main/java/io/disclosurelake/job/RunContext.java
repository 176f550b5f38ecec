package io.disclosurelake.job;

import io.disclosurelake.lake.LakeTables;
import org.apache.spark.sql.SparkSession;

import java.util.List;

/**
 * What a {@link PostRunStep} gets: the session, the lake, the run id, the job's settings, the reports written
 * by this run, a list it may add summary lines to (printed at the end of {@code run}), and whether an earlier
 * night did not finish (its runs row was still {@code running}: its derived outputs cannot be trusted).
 */
public record RunContext(SparkSession spark, LakeTables lake, String runId, JobSettings settings,
                         List<String> changedReportIds, List<String> summaryLines, boolean unfinishedNightBefore) {
    public RunContext(SparkSession spark, LakeTables lake, String runId, JobSettings settings,
                      List<String> changedReportIds, List<String> summaryLines) {
        this(spark, lake, runId, settings, changedReportIds, summaryLines, false);
    }
}
