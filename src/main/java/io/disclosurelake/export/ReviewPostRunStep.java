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
        if (out == null) return;
        // the years whose reports the night changed (each year's queue is a few queries: not every year every night),
        // and every year whose queue is missing on disk (a night cut short, e.g. by a full disk, did not write it)
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        for (Row r : ctx.lake().read(LakeSchema.REPORTS).where(org.apache.spark.sql.functions.col(LakeSchema.YEAR).isNotNull())
                .select(LakeSchema.YEAR).distinct().collectAsList()) {
            int y = r.getInt(0);
            if (!java.nio.file.Files.isRegularFile(out.resolve("review-" + y + ".csv"))
                    || !java.nio.file.Files.isRegularFile(out.resolve("review-" + y + ".xlsx"))) years.add(y);
        }
        if (!ctx.changedReportIds().isEmpty()) {
            for (Row r : ctx.lake().read(LakeSchema.REPORTS).where(org.apache.spark.sql.functions.col(LakeSchema.REPORT_ID)
                            .isin(ctx.changedReportIds().toArray()).and(org.apache.spark.sql.functions.col(LakeSchema.YEAR).isNotNull()))
                    .select(LakeSchema.YEAR).distinct().collectAsList()) years.add(r.getInt(0));
        }
        if (years.isEmpty()) return;
        List<RankingExport.Written> files = new ArrayList<>();
        for (int y : years) files.addAll(ReviewExport.export(ctx.spark(), ctx.lake().root(), y, null, out));
        ctx.summaryLines().add(String.format("review: %d files (review-YEAR.csv/.xlsx) in %s", files.size(), out));
    }
}
