package io.disclosurelake.rank;

import io.disclosurelake.export.RankingExport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranking step: gold tables from the lake, then the exports of the given years. Called by
 * {@code disclosure-lake rank} and, at the end of the nightly run, by the job.
 */
public final class RankingStep {
    private RankingStep() {}

    /** What the step did: seconds per gold table and every file written. */
    public record Outcome(Map<String, Double> goldSeconds, List<RankingExport.Written> files) {}

    /**
     * Builds the gold tables and exports {@code years} (all years of the lake when empty) in {@code formats}
     * (e.g. "csv,xlsx,html") to {@code outDir}; {@code province} (nullable) restricts the exports.
     */
    public static Outcome run(SparkSession spark, String lakePath, Collection<Integer> years, Path outDir,
                              String formats, String province) throws IOException {
        return run(spark, lakePath, years, outDir, RankingExport.Format.parse(formats), province,
                ScoringConfig.standard(), null);
    }

    /** The job's hook: everything with the standard configuration, all years, all formats. */
    public static Outcome run(SparkSession spark, String lakePath, Path outDir) throws IOException {
        return run(spark, lakePath, List.of(), outDir, "csv,xlsx,html", null);
    }

    public static Outcome run(SparkSession spark, String lakePath, Collection<Integer> years, Path outDir,
                              Set<RankingExport.Format> formats, String province, ScoringConfig conf,
                              Dataset<Row> expectedBodies) throws IOException {
        GoldLayer gold = new GoldLayer(spark, lakePath, conf);
        gold.build(expectedBodies);
        List<Integer> ys = new ArrayList<>(years);
        if (ys.isEmpty()) {
            for (Row r : GoldTables.read(spark, lakePath, io.disclosurelake.lake.LakeSchema.RANKINGS)
                    .select("year").distinct().orderBy("year").collectAsList()) ys.add(r.getInt(0));
        }
        List<RankingExport.Written> files = new ArrayList<>();
        if (outDir != null) files.addAll(RankingExport.export(spark, lakePath, ys, province, outDir, formats, conf));
        return new Outcome(gold.seconds(), files);
    }

    /**
     * The night's hook: the gold tables for the report years the night touched ({@link GoldLayer#build(Dataset,
     * Collection)}; null: every year), then the exports of the years whose gold rows changed and of any year whose
     * files are missing from {@code outDir} (a full rebuild exports every year).
     */
    public static Outcome night(SparkSession spark, String lakePath, Path outDir, Set<RankingExport.Format> formats,
                                ScoringConfig conf, Dataset<Row> expectedBodies, Collection<Integer> touchedYears) throws IOException {
        return night(spark, lakePath, outDir, formats, conf, expectedBodies, touchedYears, false);
    }

    /** As above; {@code reportMetricsWhole}: a new lake's report_metrics, all written by the night ({@link GoldLayer#build(Dataset, Collection, boolean)}). */
    public static Outcome night(SparkSession spark, String lakePath, Path outDir, Set<RankingExport.Format> formats,
                                ScoringConfig conf, Dataset<Row> expectedBodies, Collection<Integer> touchedYears,
                                boolean reportMetricsWhole) throws IOException {
        GoldLayer gold = new GoldLayer(spark, lakePath, conf);
        gold.build(expectedBodies, touchedYears, reportMetricsWhole);
        List<RankingExport.Written> files = new ArrayList<>();
        if (outDir == null) return new Outcome(gold.seconds(), files);
        java.util.SortedSet<Integer> changed = gold.exportYears();
        List<Integer> ys = new ArrayList<>();
        for (Row r : GoldTables.read(spark, lakePath, io.disclosurelake.lake.LakeSchema.RANKINGS)
                .select("year").distinct().orderBy("year").collectAsList()) {
            int y = r.getInt(0);
            if (changed == null || changed.contains(y) || !RankingExport.filesPresent(outDir, y, formats)) ys.add(y);
        }
        // every year at once: one set of queries for the night, not one per year
        files.addAll(RankingExport.export(spark, lakePath, ys, null, outDir, formats, conf));
        return new Outcome(gold.seconds(), files);
    }

    public static void print(Outcome o, PrintStream out) {
        o.goldSeconds().forEach((t, s) -> out.printf("gold  %-16s %6.1f s%n", t, s));
        for (RankingExport.Written w : o.files()) {
            out.printf("wrote %s  %,d bytes  %.1f s%n", w.file(), w.bytes(), w.seconds());
        }
    }
}
