package io.disclosurelake.cli;

import io.disclosurelake.lake.LakeSession;
import io.disclosurelake.lake.LakeLocation;
import io.disclosurelake.rank.ExpectedBodies;
import io.disclosurelake.rank.RankingStep;
import io.disclosurelake.rank.ScoringConfig;
import io.disclosurelake.export.RankingExport;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "rank", mixinStandardHelpOptions = true,
        description = {"Computes the gold tables (report_metrics, region_totals, region_metrics, coverage, missing_reports,"
                + " rankings) from the lake and exports the year's rankings as CSV (UTF-8 with BOM), XLSX and a"
                + " self-contained HTML report."})
public final class RankCommand implements Callable<Integer> {
    @Mixin SparkOptions sparkOptions;

    @Option(names = "--lake", required = true, description = "lake directory (holds the Delta tables), or its URI (file:, hdfs:, s3a:, …)")
    String lake;

    @Option(names = "--year", description = "report year to export (default: every year in the lake)")
    Integer year;

    @Option(names = "--out", required = true, description = "output directory of the exports")
    Path out;

    @Option(names = "--province", description = "export only this province (name, short name, GB/T 2260 code or pinyin)")
    String province;

    @Option(names = "--format", defaultValue = "csv,xlsx,html", description = "comma-separated: csv, xlsx, html (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--conf", description = "scoring.properties (default: conf/scoring.properties of the installation)")
    Path conf;

    @Option(names = "--manifest", description = "manifest CSV listing the documents published (path, body, province, …):"
            + " its bodies are expected to have a report for the year")
    String manifest;



    @Override public Integer call() throws Exception {
        ScoringConfig scoring = conf != null ? ScoringConfig.load(conf) : ScoringConfig.standard();
        var formats = RankingExport.Format.parse(format);
        // The same session as run's (conf/spark-defaults.conf, WARN logging): the ranking step alone took 1,266 s
        // with a session of its own defaults where inside run it takes about 120–200 s.
        SparkSession spark = sparkOptions.session("rank");
        try {
            long t0 = System.nanoTime();
            io.disclosurelake.lake.LakeHealth.requireIntact(spark, LakeLocation.parse(lake).uri()); // damaged: one line, exit 3
            RankingStep.Outcome o = RankingStep.run(spark, LakeLocation.parse(lake).uri(),
                    year == null ? List.of() : List.of(year), out, formats, province, scoring,
                    manifest == null ? null : ExpectedBodies.fromManifest(spark, manifest));
            RankingStep.print(o, System.out);
            System.out.printf("rank: done in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("rank: " + e.getMessage());
            return 2;
        } finally {
            spark.stop();
        }
    }
}
