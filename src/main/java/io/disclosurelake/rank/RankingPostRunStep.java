package io.disclosurelake.rank;

import io.disclosurelake.export.RankingExport;
import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.job.RunContext;
import io.disclosurelake.lake.LakeSchema;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking step at the end of the nightly {@code run} (found by ServiceLoader): completes report_metrics,
 * rebuilds the gold tables of the report years the run touched, and — when the lake is a local directory — writes
 * the exports of the years that changed (and of any year whose files are missing) to
 * {@code exports.dir} of conf/scoring.properties (default: {@code exports} beside the lake).
 */
public final class RankingPostRunStep implements PostRunStep {
    @Override public String name() { return "rank"; }

    /**
     * The report years the night touched: the year of every report it wrote and the year after (whose cross-year
     * violations and copy check compare with it); null (every year) when the lake has no rankings yet.
     */
    static java.util.SortedSet<Integer> touchedYears(RunContext ctx) {
        if (!ctx.lake().hasLog(LakeSchema.RANKINGS)) return null;
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> ids = ctx.spark()
                .createDataset(ctx.changedReportIds(), org.apache.spark.sql.Encoders.STRING()).toDF(LakeSchema.REPORT_ID);
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
        for (org.apache.spark.sql.Row r : ctx.lake().read(LakeSchema.REPORTS)
                .join(ids, io.disclosurelake.lake.JoinKeys.of(LakeSchema.REPORT_ID), "left_semi")
                .select(LakeSchema.YEAR).distinct().collectAsList()) {
            if (r.isNullAt(0)) continue;
            years.add(r.getInt(0));
            years.add(r.getInt(0) + 1);
        }
        return years;
    }

    @Override public void run(RunContext ctx) throws Exception {
        ScoringConfig conf = ScoringConfig.standard().withMinDenominator(ctx.settings().minDenominator());
        String lake = ctx.lake().root();
        Path out = conf.exportsDir(lake);
        // The gold tables derive from the reports: when this run changed none, they and the exports are already
        // current, and rewriting them would commit new versions for an unchanged input (reruns commit nothing).
        // "Current" is checked, not assumed: no earlier night was cut short, and the exports on disk are whole and
        // made from the lake's present reports and rankings (export/ExportManifest).
        boolean rebuildAll = false;
        if (ctx.changedReportIds().isEmpty() && ctx.lake().hasLog(LakeSchema.RANKINGS)) {
            String stale = ctx.unfinishedNightBefore() ? "an earlier night did not finish"
                    : out == null ? null : RankingExport.stale(out, versions(ctx));
            if (stale == null) {
                ctx.summaryLines().add("rank: no report changed; gold tables and exports are current");
                return;
            }
            ctx.summaryLines().add("rank: no report changed, rebuilding the gold tables and exports: " + stale);
            rebuildAll = true; // what an unfinished night left is not known: every year
        }
        // similar_reports and the copy warnings first, for the same years: the ranking reads them (docs/rules.md §5)
        java.util.SortedSet<Integer> years = rebuildAll ? null : touchedYears(ctx);
        ctx.summaryLines().addAll(CopyRules.refresh(ctx.lake(), SimilarReports.Settings.of(ctx.settings()), years));
        if (out != null) RankingExport.begin(out);
        String manifest = ctx.settings().manifest();
        RankingStep.Outcome o = RankingStep.night(ctx.spark(), lake, out, java.util.EnumSet.allOf(RankingExport.Format.class), conf,
                manifest == null ? null : ExpectedBodies.fromManifest(ctx.spark(), manifest), years,
                reportMetricsWhole(ctx.lake().created()));
        o.goldSeconds().forEach((t, s) -> ctx.summaryLines().add(String.format("rank: %s in %.1f s", t, s)));
        long bytes = o.files().stream().mapToLong(RankingExport.Written::bytes).sum();
        if (out != null) {
            // The manifest lists every year's files, those of untouched years (written by earlier nights) too.
            java.util.Set<Path> listed = new java.util.TreeSet<>();
            for (RankingExport.Written w : o.files()) listed.add(w.file());
            try (java.util.stream.Stream<Path> present = java.nio.file.Files.list(out)) {
                present.filter(RankingExport::isRankingFile)
                        .forEach(listed::add);
            }
            RankingExport.finish(out, versions(ctx), listed);
            ctx.summaryLines().add(String.format("rank: %d export files, %,d bytes, in %s", o.files().size(), bytes, out));
        }
    }

    /**
     * Whether every row of report_metrics was written by this night's job, given the tables the night created
     * ({@code LakeTables.created}): it created report_metrics together with reports, cells and rule_violations (a
     * new lake). report_metrics alone created on an existing lake (its directory lost) holds only the touched
     * reports' rows, and is completed as any lake is.
     */
    static boolean reportMetricsWhole(java.util.Set<String> createdTonight) {
        return createdTonight.containsAll(List.of(LakeSchema.REPORTS, LakeSchema.CELLS, LakeSchema.RULE_VIOLATIONS,
                LakeSchema.REPORT_METRICS));
    }

    /** The tables the exports are made from, at their present versions. */
    private static Map<String, Long> versions(RunContext ctx) {
        Map<String, Long> v = new LinkedHashMap<>();
        for (String t : List.of(LakeSchema.REPORTS, LakeSchema.RANKINGS)) v.put(t, ctx.lake().version(t));
        return v;
    }
}
