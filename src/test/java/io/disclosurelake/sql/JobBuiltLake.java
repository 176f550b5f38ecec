package io.disclosurelake.sql;

import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.SparkSession;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The lake the analysts' SQL is meant to be tested on: the real nightly job run over a small generated corpus
 * (every format but DOC, which needs LibreOffice; bad files and injected rule faults included).
 *
 * <p>The job package is merged separately from this one; it is reached by reflection so that this class
 * compiles before the merge and the tests switch to the real lake by themselves after it ({@link #available()}).
 * Once both are in main this can call {@code new NightlyJob(spark, settings, ExtractorFactory.standard(), steps)}
 * directly (the trial merge of both branches ran every notebook and view statement on such a lake).
 */
final class JobBuiltLake {
    private JobBuiltLake() {}

    static final String JOB = "io.disclosurelake.job.NightlyJob";

    static boolean available() {
        try {
            Class.forName(JOB);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static Path build(SparkSession spark, Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        GeneratorOptions o = new GeneratorOptions(corpus, 48, 7, Set.of("pdf", "docx", "html", "xlsx", "txt"),
                2021, 2024, 0.3, 0.15, 0.0, 2);
        new CorpusGenerator(o, new PrintStream(OutputStream.nullOutputStream())).run();
        Path lake = dir.resolve("lake");

        Class<?> settingsClass = Class.forName("io.disclosurelake.job.JobSettings");
        Method with = settingsClass.getMethod("with", String.class, String.class);
        Object settings = settingsClass.getMethod("defaults").invoke(null);
        settings = with.invoke(settings, "job.input", corpus.resolve("docs").toUri().toString());
        settings = with.invoke(settings, "job.manifest", corpus.resolve("manifest.csv").toUri().toString());
        settings = with.invoke(settings, "job.lake", lake.toUri().toString());
        settings = with.invoke(settings, "job.partitions", "2");
        Class<?> factoryClass = Class.forName("io.disclosurelake.job.ExtractorFactory");
        Object factory = factoryClass.getMethod("standard").invoke(null);
        Class<?> stepClass = Class.forName("io.disclosurelake.job.PostRunStep");
        List<Object> steps = new ArrayList<>();
        ServiceLoader.load(stepClass).forEach(steps::add); // rankings and exports, once their package is in
        Object job = Class.forName(JOB).getConstructor(SparkSession.class, settingsClass, factoryClass, List.class)
                .newInstance(spark, settings, factory, steps);
        job.getClass().getMethod("run").invoke(job);

        if (!Files.isDirectory(lake.resolve(LakeSchema.RANKINGS).resolve("_delta_log"))) standInRankings(spark, lake);
        return lake;
    }

    /**
     * Until the rank package writes {@code rankings}, a stand-in with report-json.md's columns (year, province,
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
