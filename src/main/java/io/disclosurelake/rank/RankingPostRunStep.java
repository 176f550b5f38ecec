package io.disclosurelake.rank;

import io.disclosurelake.export.RankingExport;
import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.job.RunContext;
import io.disclosurelake.lake.LakeSchema;

import java.nio.file.Path;
import java.util.List;

/**
 * The ranking step at the end of the nightly {@code run} (found by ServiceLoader): completes report_metrics,
 * rebuilds the gold tables, and — when the lake is a local directory — writes the exports of every year to
 * {@code exports.dir} of conf/scoring.properties (default: {@code exports} beside the lake).
 */
public final class RankingPostRunStep implements PostRunStep {
    @Override public String name() { return "rank"; }

    @Override public void run(RunContext ctx) throws Exception {
        ScoringConfig conf = ScoringConfig.standard().withMinDenominator(ctx.settings().minDenominator());
        String lake = ctx.lake().root();
        // The gold tables derive from the reports: when this run changed none, they and the exports are already
        // current, and rewriting them would commit new versions for an unchanged input (reruns commit nothing).
        if (ctx.changedReportIds().isEmpty() && ctx.lake().hasLog(LakeSchema.RANKINGS)) {
            ctx.summaryLines().add("rank: no report changed; gold tables and exports are current");
            return;
        }
        // similar_reports and the copy warnings first: the ranking reads them (docs/rules.md)
        ctx.summaryLines().addAll(CopyRules.refresh(ctx.lake(), SimilarReports.Settings.of(ctx.settings())));
        Path out = conf.exportsDir(lake);
        String manifest = ctx.settings().manifest();
        RankingStep.Outcome o = RankingStep.run(ctx.spark(), lake, List.of(), out,
                java.util.EnumSet.allOf(RankingExport.Format.class), null, conf,
                manifest == null ? null : ExpectedBodies.fromManifest(ctx.spark(), manifest));
        o.goldSeconds().forEach((t, s) -> ctx.summaryLines().add(String.format("rank: %s in %.1f s", t, s)));
        long bytes = o.files().stream().mapToLong(RankingExport.Written::bytes).sum();
        if (out != null) ctx.summaryLines().add(String.format("rank: %d export files, %,d bytes, in %s", o.files().size(), bytes, out));
    }
}
