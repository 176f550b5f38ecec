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
 * The review queue of every year (docs/review.md) written beside the rankings at the end of the nightly run,
 * after the ranking step (its coverage table names the unreadable reports). A night that changed no report
 * leaves the files as they are.
 */
public final class ReviewPostRunStep implements PostRunStep {
    @Override public String name() { return "review"; }

    @Override public void run(RunContext ctx) throws Exception {
        Path out = ScoringConfig.standard().exportsDir(ctx.lake().root());
        if (out == null || ctx.changedReportIds().isEmpty()) return;
        List<RankingExport.Written> files = new ArrayList<>();
        for (Row r : ctx.lake().read(LakeSchema.REPORTS).where("year IS NOT NULL").select(LakeSchema.YEAR).distinct()
                .orderBy(LakeSchema.YEAR).collectAsList()) {
            files.addAll(ReviewExport.export(ctx.spark(), ctx.lake().root(), r.getInt(0), null, out));
        }
        ctx.summaryLines().add(String.format("review: %d files (review-YEAR.csv/.xlsx) in %s", files.size(), out));
    }
}
