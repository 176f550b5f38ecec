package io.disclosurelake.export;

import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.job.RunContext;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.rank.ScoringConfig;
import org.apache.spark.sql.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The review queue (docs/review.md) of every year whose reports the night changed, written beside the rankings at
 * the end of the nightly run, after the ranking step (its coverage table names the unreadable reports). A night
 * that changed no report leaves the files as they are.
 */
public final class ReviewPostRunStep implements PostRunStep {
    @Override public String name() { return "review"; }

    @Override public void run(RunContext ctx) throws Exception {
        Path out = ScoringConfig.standard().exportsDir(ctx.lake().root());
        if (out == null || ctx.changedReportIds().isEmpty()) return;
        List<RankingExport.Written> files = new ArrayList<>();
        // the years whose reports the night changed (each year's queue is a few queries: not every year every night)
        for (Row r : ctx.lake().read(LakeSchema.REPORTS).where(org.apache.spark.sql.functions.col(LakeSchema.REPORT_ID)
                        .isin(ctx.changedReportIds().toArray()).and(org.apache.spark.sql.functions.col(LakeSchema.YEAR).isNotNull()))
                .select(LakeSchema.YEAR).distinct().orderBy(LakeSchema.YEAR).collectAsList()) {
            files.addAll(ReviewExport.export(ctx.spark(), ctx.lake().root(), r.getInt(0), null, out));
        }
        ctx.summaryLines().add(String.format("review: %d files (review-YEAR.csv/.xlsx) in %s", files.size(), out));
    }
}
