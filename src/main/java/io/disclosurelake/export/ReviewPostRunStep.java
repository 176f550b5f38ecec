package io.disclosurelake.export;

import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.job.RunContext;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.rank.ScoringConfig;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

/**
 * The review queue (docs/review.md) of every year whose reports the night changed, written beside the rankings at
 * the end of the nightly run, after the ranking step (its coverage table names the unreadable reports). A night
 * that changed no report leaves the files as they are.
 */
public final class ReviewPostRunStep implements PostRunStep {
    @Override public String name() { return "review"; }

    @Override public void run(RunContext ctx) throws Exception {
        Path out = ScoringConfig.standard().exportsDir(ctx.lake().root());
        if (out == null) return;
        // the years whose reports the night changed (not every year every night),
        // and every year whose queue is missing on disk (a night cut short, e.g. by a full disk, did not write it)
        // One grouped read: each year of the reports, and whether the night changed a report of it.
        Column changed = ctx.changedReportIds().isEmpty() ? lit(false)
                : col(LakeSchema.REPORT_ID).isin(ctx.changedReportIds().toArray());
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        for (Row r : ctx.lake().read(LakeSchema.REPORTS).where(col(LakeSchema.YEAR).isNotNull())
                .groupBy(LakeSchema.YEAR).agg(max(changed).as("changed")).collectAsList()) {
            int y = r.getInt(0);
            if (r.getBoolean(1) || !ReviewExport.filesPresent(out, y)) years.add(y);
        }
        if (years.isEmpty()) return;
        // every year at once: one set of queries for the night, not one per year
        List<RankingExport.Written> files = ReviewExport.export(ctx.spark(), ctx.lake().root(), years, null, out);
        ctx.summaryLines().add(String.format("review: %d files (review-YEAR.csv/.xlsx) in %s", files.size(), out));
    }
}
