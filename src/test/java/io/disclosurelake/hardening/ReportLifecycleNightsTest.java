package io.disclosurelake.hardening;

import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.job.ExtractorFactory;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.job.NightlyJob;
import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.job.RunSummary;
import io.disclosurelake.lake.CurrentReports;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.spark.SharedSpark;
import io.disclosurelake.sql.LakeViews;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A report's life through two nights on a generated corpus of ten documents (docs/job.md "A report's life"),
 * each time against a clean run over the same final files (content fingerprints of every table the job and the
 * ranking step write, {@link LakeSnapshot}): a renamed file (the job's tables), an edit after publication and a
 * deleted file (the job's tables, the gold tables, rankings and views).
 */
@ExtendWith(SharedSpark.class)
@Tag("slow") // three whole nights per test: the full lane (mvn verify)
class ReportLifecycleNightsTest {
    static final int DOCUMENTS = 10;

    /** A generated corpus copied as the night's input (files the test then renames, edits and deletes). */
    static Path corpus(Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(new GeneratorOptions(corpus, DOCUMENTS, 23, Set.of("html", "txt"), 2022, 2023, 0.2, 0.0, 0.0, 1),
                new PrintStream(OutputStream.nullOutputStream())).run();
        Path in = tmp.resolve("in");
        try (Stream<Path> walk = Files.walk(corpus.resolve("docs"))) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path to = in.resolve(corpus.resolve("docs").relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        return corpus;
    }

    /** One night of the job alone (no ranking step). */
    static RunSummary jobNight(SparkSession spark, Path input, Path lake) throws Exception {
        JobSettings s = JobSettings.defaults().with("job.input", input.toUri().toString()).with("job.lake", lake.toUri().toString())
                .with("job.partitions", "2");
        RunSummary r = new NightlyJob(spark, s, ExtractorFactory.standard(), List.of()).run();
        r.print(System.out);
        return r;
    }

    /** One night with the registered post-run steps (rankings and exports, beside the lake). */
    static RunSummary night(SparkSession spark, Path input, Path lake, Path manifest) throws Exception {
        JobSettings s = JobSettings.defaults().with("job.input", input.toUri().toString()).with("job.lake", lake.toUri().toString())
                .with("job.partitions", "2");
        if (manifest != null) s = s.with("job.manifest", manifest.toUri().toString());
        List<PostRunStep> steps = PostRunStep.registered();
        RunSummary r = new NightlyJob(spark, s, ExtractorFactory.standard(), steps).run();
        r.print(System.out);
        return r;
    }

    /**
     * What analysts query, as fingerprints: every table but runs, reports without its retired rows and without
     * edited_after_publication (history a clean run cannot have; checked on its own).
     */
    static Map<String, List<String>> queried(SparkSession spark, Path lake) {
        Map<String, List<String>> out = new LinkedHashMap<>(LakeSnapshot.of(spark, lake));
        Dataset<Row> reports = CurrentReports.of(LakeSnapshot.table(spark, lake, LakeSchema.REPORTS)).drop(LakeSchema.EDITED_AFTER_PUBLICATION);
        out.put(LakeSchema.REPORTS, LakeSnapshot.rows(reports));
        return out;
    }

    static void assertSameTables(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String t : expected.keySet()) assertEquals(expected.get(t), actual.get(t), "table " + t + " differs from a clean run");
    }

    /** A report that exactly one file yields, parsed, with the given extension. */
    static Row soleReport(SparkSession spark, LakeTables lake, String ext, String besides) {
        Dataset<Row> docs = lake.read(LakeSchema.DOCUMENTS);
        Dataset<Row> sole = docs.where(col("report_id").isNotNull()).groupBy("report_id").count().where(col("count").equalTo(1));
        return lake.read(LakeSchema.REPORTS).join(sole, "report_id").where(col("status").equalTo("parsed")
                        .and(col("path").endsWith(ext)).and(col("report_id").notEqual(besides)))
                .orderBy("path").first();
    }

    @Test
    void aRenamedFileKeepsOneDocumentRowAndTheReportFollowsIt(SparkSession spark, @TempDir Path tmp) throws Exception {
        corpus(tmp);
        Path in = tmp.resolve("in");
        Path lakeDir = tmp.resolve("night").resolve("lake");
        jobNight(spark, in, lakeDir);
        LakeTables lake = new LakeTables(spark, lakeDir.toUri().toString());
        Row r = soleReport(spark, lake, ".html", "");
        String reportId = r.getAs("report_id");
        String oldPath = r.getAs("path");
        String newPath = "renamed/" + oldPath.replace('/', '_');
        Files.createDirectories(in.resolve(newPath).getParent());
        Files.move(in.resolve(oldPath), in.resolve(newPath));

        RunSummary second = jobNight(spark, in, lakeDir);
        assertEquals(1, second.docsNew(), "only the renamed file is new");
        assertEquals(1, second.docsKnownContent(), "its content is known: hashed, not extracted");
        assertTrue(second.extraLines().stream().anyMatch(l -> l.contains("1 file(s) gone") && l.contains("1 moved")), second.extraLines().toString());
        Dataset<Row> docs = lake.read(LakeSchema.DOCUMENTS);
        assertEquals(0, docs.where(col("path").equalTo(oldPath)).count(), "the old path's row is gone");
        assertEquals(1, docs.where(col("report_id").equalTo(reportId)).count(), "one documents row for the report");
        Row moved = lake.read(LakeSchema.REPORTS).where(col("report_id").equalTo(reportId)).first();
        assertEquals(newPath, moved.getAs("path"));
        assertNull(moved.getAs(LakeSchema.RETIRED_AT));
        assertEquals(Boolean.FALSE, moved.getAs(LakeSchema.EDITED_AFTER_PUBLICATION));

        Path cleanDir = tmp.resolve("clean").resolve("lake");
        jobNight(spark, in, cleanDir);
        // Not one row of any table differs (reports included whole: no retired row, no edit mark).
        assertSameTables(LakeSnapshot.of(spark, cleanDir), LakeSnapshot.of(spark, lakeDir));
    }

    @Test
    void anEditAfterPublicationIsMarkedAndADeletedFilesReportIsRetired(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path corpus = corpus(tmp);
        Path in = tmp.resolve("in");
        Path manifest = corpus.resolve("manifest.csv");
        Path lakeDir = tmp.resolve("night").resolve("lake");
        night(spark, in, lakeDir, manifest);
        LakeTables lake = new LakeTables(spark, lakeDir.toUri().toString());
        long reportsVersion = lake.version(LakeSchema.REPORTS);
        Row edited = soleReport(spark, lake, ".txt", "");
        Row deleted = soleReport(spark, lake, ".html", edited.getAs("report_id"));
        String editedId = edited.getAs("report_id"), deletedId = deleted.getAs("report_id");
        Timestamp published = edited.getAs("first_seen");
        // The edit: the same address, other bytes, the same body and year (the manifest keeps its first-seen time).
        Files.writeString(in.resolve((String) edited.getAs("path")), "\n", StandardOpenOption.APPEND);
        Files.delete(in.resolve((String) deleted.getAs("path")));
        assertTrue(lake.read(LakeSchema.CELLS).where(col("report_id").equalTo(deletedId)).count() > 0);

        RunSummary second = night(spark, in, lakeDir, manifest);
        assertEquals(1, second.docsNew());
        assertEquals(1, second.reportsWritten(), "the edited version");
        assertTrue(second.extraLines().stream().anyMatch(l -> l.contains("1 edited after publication") && l.contains("1 retired")),
                second.extraLines().toString());
        Timestamp secondStart = lake.read(LakeSchema.RUNS).orderBy(col("started_at").desc()).first().getAs("started_at");

        Row e = lake.read(LakeSchema.REPORTS).where(col("report_id").equalTo(editedId)).first();
        assertEquals(Boolean.TRUE, e.getAs(LakeSchema.EDITED_AFTER_PUBLICATION));
        assertEquals(published, e.getAs(LakeSchema.FIRST_PUBLISHED_AT), "first publication: the manifest's time");
        assertEquals(secondStart, e.getAs(LakeSchema.EDITED_AT), "when the edit was seen");
        assertNotEquals(edited.<String>getAs("sha256"), e.<String>getAs("sha256"));
        assertEquals(edited.<String>getAs("sha256"), spark.sql("SELECT sha256 FROM delta.`" + lake.path(LakeSchema.REPORTS)
                + "` VERSION AS OF " + reportsVersion + " WHERE report_id = '" + editedId + "'").first().getString(0),
                "the published version stays in Delta's history");

        Row d = lake.read(LakeSchema.REPORTS).where(col("report_id").equalTo(deletedId)).first();
        assertEquals(secondStart, d.getAs(LakeSchema.RETIRED_AT), "retired, never deleted");
        for (String child : List.of(LakeSchema.CELLS, LakeSchema.APPLICATIONS, LakeSchema.ACTIVE_DISCLOSURE, LakeSchema.REVIEW_LITIGATION,
                LakeSchema.RULE_VIOLATIONS, LakeSchema.REPORT_METRICS)) {
            assertEquals(0, lake.read(child).where(col("report_id").equalTo(deletedId)).count(), child + " of the retired report");
        }
        assertEquals(0, lake.read(LakeSchema.RANKINGS).where(col("report_id").equalTo(deletedId)).count(), "not ranked");
        assertEquals(0, lake.read(LakeSchema.COVERAGE).where(col("report_id").equalTo(deletedId)).count(), "not in the gold tables");
        SparkSession views = spark.newSession();
        LakeViews.register(views, lakeDir.toString());
        assertEquals(0, views.sql("SELECT * FROM report_summary WHERE report_id = '" + deletedId + "'").count(), "not in the views");
        assertEquals(1, views.sql("SELECT * FROM report_summary WHERE report_id = '" + editedId + "'").count());

        Path cleanDir = tmp.resolve("clean").resolve("lake");
        night(spark, in, cleanDir, manifest);
        assertSameTables(queried(spark, cleanDir), queried(spark, lakeDir));
    }
}
