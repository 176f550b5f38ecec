package io.disclosurelake.sql;

import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.job.ExtractorFactory;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.job.NightlyJob;
import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.SparkSession;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The lake the analysts' SQL is meant to be tested on: the real nightly job run over a small generated corpus
 * (every format but DOC, which needs LibreOffice; bad files and injected rule faults included).
 */
final class JobBuiltLake {
    private JobBuiltLake() {}

    static Path build(SparkSession spark, Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        GeneratorOptions o = new GeneratorOptions(corpus, 48, 7, Set.of("pdf", "docx", "html", "xlsx", "txt"),
                2021, 2024, 0.3, 0.15, 0.0, 2);
        new CorpusGenerator(o, new PrintStream(OutputStream.nullOutputStream())).run();
        Path lake = dir.resolve("lake");

        JobSettings settings = JobSettings.defaults()
                .with("job.input", corpus.resolve("docs").toUri().toString())
                .with("job.manifest", corpus.resolve("manifest.csv").toUri().toString())
                .with("job.lake", lake.toUri().toString())
                .with("job.partitions", "2");
        List<PostRunStep> steps = PostRunStep.registered();
        new NightlyJob(spark, settings, ExtractorFactory.standard(), steps).run();

        if (!Files.isDirectory(lake.resolve(LakeSchema.RANKINGS).resolve("_delta_log"))) standInRankings(spark, lake);
        return lake;
    }

    /**
     * Until the rank package writes {@code rankings}, a stand-in with docs/report-json.md's columns (year, province,
     * city, report_id, org, score, rank), so that the notebooks' ranking queries are still run.
     */
    private static void standInRankings(SparkSession spark, Path lake) {
        spark.read().format("delta").load(lake.resolve(LakeSchema.REPORTS).toString()).createOrReplaceTempView("stand_in_reports");
        spark.sql("CREATE TABLE delta.`" + lake.resolve(LakeSchema.RANKINGS) + "` USING delta AS "
                + "SELECT year, province, city, report_id, org, CAST(1.0 AS DOUBLE) AS score, "
                + "CAST(ROW_NUMBER() OVER (PARTITION BY province, year ORDER BY org, report_id) AS INT) AS rank "
                + "FROM stand_in_reports WHERE province IS NOT NULL AND year IS NOT NULL");
        spark.catalog().dropTempView("stand_in_reports");
    }
}
