package io.disclosurelake.cli;

import io.disclosurelake.export.ReviewExport;
import io.disclosurelake.job.Corrections;
import io.disclosurelake.lake.LakeSession;
import io.disclosurelake.lake.LakeLocation;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.rank.RankingStep;
import io.disclosurelake.rank.ScoringConfig;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "correct", mixinStandardHelpOptions = true,
        description = {"Applies a filled review sheet (CSV or XLSX from `review`) to the lake (docs/review.md): the"
                + " corrections table keeps every correction; corrected cells carry source `corrected`; the reports'"
                + " rules and metrics, the gold tables, rankings and exports are recomputed. A bad row is one line"
                + " on stderr (file, row, why) and the others still apply; applying a file twice changes nothing."})
public final class CorrectCommand implements Callable<Integer> {
    @Mixin SparkOptions sparkOptions;

    @Option(names = "--lake", required = true, description = "lake directory, or its URI")
    String lake;

    @Parameters(index = "0", description = "the filled review sheet (.csv or .xlsx)")
    Path file;

    @Option(names = "--reviewer", description = "who reviewed, for rows whose reviewer column is empty")
    String reviewer;

    @Option(names = "--min-denominator", defaultValue = "30", description = "metrics.min_denominator of the night (default: ${DEFAULT-VALUE})")
    int minDenominator;

    @Option(names = "--exports", description = "where the rankings and review exports go (default: exports.dir, else exports/ beside a local lake)")
    Path exports;



    /** Exit status when some rows were bad or stale (the others applied). */
    static final int SOME_ROWS_NOT_APPLIED = 4;

    @Override public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            System.err.println("correct: not a file: " + file);
            return 2;
        }
        byte[] bytes = Files.readAllBytes(file);
        SparkSession spark = sparkOptions.session("correct");
        try {
            String uri = LakeLocation.parse(lake).uri();
            LakeTables tables = new LakeTables(spark, uri);
            if (!tables.exists(LakeSchema.REPORTS)) {
                System.err.println("correct: no lake at " + lake + " (no reports table)");
                return 2;
            }
            String runId = "correct-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
            Corrections.Result r = new Corrections(spark, tables, minDenominator, runId)
                    .applyFile(file.getFileName().toString(), bytes, reviewer);
            List<String> lines = r.lines(file.getFileName().toString());
            System.out.println(lines.get(0));
            for (String l : lines.subList(1, lines.size())) System.err.println(l);
            if (!r.touchedReportIds().isEmpty()) {
                ScoringConfig conf = ScoringConfig.standard().withMinDenominator(minDenominator);
                Path out = exports != null ? exports : conf.exportsDir(uri);
                // the expected bodies of the last night's manifest, so the gold tables are the night's
                String manifest = null;
                for (Row m : tables.read(LakeSchema.RUNS).where("status = 'succeeded'").orderBy(org.apache.spark.sql.functions.col("started_at").desc())
                        .select("manifest").limit(1).collectAsList()) manifest = m.getString(0);
                if (manifest != null && !Files.isRegularFile(Path.of(manifest.replaceFirst("^file:(//)?", "")))) manifest = null;
                RankingStep.Outcome o = RankingStep.run(spark, uri, List.of(), out,
                        java.util.EnumSet.allOf(io.disclosurelake.export.RankingExport.Format.class), null, conf,
                        manifest == null ? null : io.disclosurelake.rank.ExpectedBodies.fromManifest(spark, manifest));
                System.out.printf("correct: gold tables and rankings rebuilt, %d export files%n", o.files().size());
                if (out != null) {
                    List<Integer> years = new java.util.ArrayList<>();
                    for (Row y : tables.read(LakeSchema.REPORTS).where("year IS NOT NULL").select(LakeSchema.YEAR).distinct().collectAsList()) {
                        years.add(y.getInt(0));
                    }
                    ReviewExport.export(spark, uri, years, null, out);
                }
            }
            return r.errors().isEmpty() && r.count("applied") == r.outcomes().size() ? 0 : SOME_ROWS_NOT_APPLIED;
        } finally {
            spark.stop();
        }
    }
}
