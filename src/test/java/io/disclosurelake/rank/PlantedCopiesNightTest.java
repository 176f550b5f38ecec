package io.disclosurelake.rank;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.job.ExtractorFactory;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.job.NightlyJob;
import io.disclosurelake.job.PostRunStep;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.spark.SharedSpark;
import io.disclosurelake.spec.RuleBook;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Copies across bodies through a real night: a small generated corpus with planted copies ({@code generate
 * --copies}) read by the job with its post-run steps. Every planted pair is in {@code similar_reports} and no
 * other pair is; the copy of a cross-body pair carries COPY_FROM_OTHER_BODY (and OTHER_BODY_NAME_LEFT when it still
 * names the source's body), and its {@code not_copied} in the rankings is 0; a republished previous year's text
 * gives the later report not_copied 0 too.
 */
@Tag("slow") // one night over 36 TXT/HTML documents with every post-run step: 275 s measured beside other builds (load 9)
@ExtendWith(SharedSpark.class)
class PlantedCopiesNightTest {

    record Planted(String copier, int year, String kind, String variant, String source, int sourceYear) {}

    @Test
    void aNightFindsThePlantedCopies(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        new CorpusGenerator(new GeneratorOptions(corpus, 36, 20261206L, Set.of("txt", "html"), 2023, 2024, 0.0, 0.0, 0.0, 2, 0.3),
                new PrintStream(OutputStream.nullOutputStream())).run();
        List<Planted> planted = new ArrayList<>();
        try (Stream<Path> s = Files.walk(corpus.resolve("truth"))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode n = ReportJson.MAPPER.readTree(p.toFile());
                JsonNode c = n.get("copy");
                if (c == null) continue;
                JsonNode g = n.get("generator");
                planted.add(new Planted(g.get("body").asText(), g.get("year").asInt(), c.get("kind").asText(),
                        c.get("variant").asText(), c.get("source_body").asText(), c.get("source_year").asInt()));
            }
        }
        assertTrue(planted.size() >= 4, "planted: " + planted);

        Path lakeDir = tmp.resolve("lake");
        JobSettings settings = JobSettings.defaults()
                .with("job.input", corpus.resolve("docs").toUri().toString())
                .with("job.manifest", corpus.resolve("manifest.csv").toUri().toString())
                .with("job.lake", lakeDir.toUri().toString())
                .with("job.partitions", "2")
                // 18 reports a year: judged here because the planted narratives are each body's own words (with the
                // default minimum, 60, no year of this corpus is judged — asserted below)
                .with("copies.min_reports_per_year", "10");
        List<PostRunStep> steps = PostRunStep.registered();
        new NightlyJob(spark, settings, ExtractorFactory.standard(), steps).run();
        LakeTables lake = new LakeTables(spark, lakeDir.toUri().toString());

        // report_id by body and year, as the night read them
        Map<String, String> id = new HashMap<>();
        for (Row r : lake.read(LakeSchema.REPORTS).select("org", "year", "report_id").collectAsList()) {
            id.put(r.getString(0) + "|" + r.getInt(1), r.getString(2));
        }
        Set<String> truth = new HashSet<>();
        for (Planted p : planted) truth.add(pair(id.get(p.source() + "|" + p.sourceYear()), id.get(p.copier() + "|" + p.year())));
        assertFalse(truth.contains(pair(null, null)), "every planted report was read: " + planted + " " + id.keySet());

        List<Row> similar = lake.read(LakeSchema.SIMILAR_REPORTS).collectAsList();
        Set<String> found = new HashSet<>();
        for (Row r : similar) found.add(pair(r.getAs("report_id_a"), r.getAs("report_id_b")));
        System.out.printf("copies night: %d planted pair(s), %d in similar_reports%n", truth.size(), found.size());
        assertEquals(truth, found, "similar_reports holds the planted pairs and no other");

        Map<String, Double> notCopied = new HashMap<>();
        for (Row r : lake.read(LakeSchema.RANKINGS).select("report_id", "not_copied").collectAsList()) {
            notCopied.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
        }
        Set<String> warnings = new HashSet<>();
        for (Row r : lake.read(LakeSchema.RULE_VIOLATIONS).where(org.apache.spark.sql.functions.col("rule")
                .isin(RuleBook.LAKE_WIDE_RULES.toArray())).select("rule", "report_id").collectAsList()) {
            warnings.add(r.getString(0) + "|" + r.getString(1));
        }
        int nameLeft = 0;
        for (Row r : similar) {
            String b = r.getAs("report_id_b");
            assertEquals(0.0, notCopied.get(b), "not_copied of the copy " + r);
            if (r.getAs("kind").equals(SimilarReports.CROSS_BODY)) {
                assertTrue(warnings.contains(RuleBook.COPY_FROM_OTHER_BODY + "|" + b), "COPY_FROM_OTHER_BODY on " + r);
            }
        }
        for (Planted p : planted) {
            if (!p.variant().equals("name_left")) continue;
            String copier = id.get(p.copier() + "|" + p.year());
            assertTrue(warnings.contains(RuleBook.OTHER_BODY_NAME_LEFT + "|" + copier), "OTHER_BODY_NAME_LEFT on " + p);
            assertTrue(warnings.contains(RuleBook.COPY_FROM_OTHER_BODY + "|" + copier), "the copy that names its source is the copy: " + p);
            assertEquals(0.0, notCopied.get(copier), "not_copied of " + p);
            nameLeft++;
        }
        System.out.printf("copies night: %d warning row(s), %d copies that left the source's name in%n", warnings.size(), nameLeft);
        // The counts in report_metrics know the copy warnings (else the gold layer would take the lake for one the
        // job did not write and rebuild every year).
        assertEquals(0, spark.sql("SELECT m.report_id FROM delta.`" + lake.path(LakeSchema.REPORT_METRICS) + "` m"
                + " LEFT JOIN (SELECT report_id, COUNT(*) AS n FROM delta.`" + lake.path(LakeSchema.RULE_VIOLATIONS) + "`"
                + " WHERE severity = 'warning' GROUP BY report_id) v ON m.report_id = v.report_id"
                + " WHERE m.metric = 'warning_violations' AND m.value <> COALESCE(v.n, 0)").count(), "warning counts");
        assertEquals(warnings.stream().filter(w -> w.startsWith(RuleBook.COPY_FROM_OTHER_BODY + "|")).count(),
                lake.read(LakeSchema.REPORT_METRICS).where("metric = 'violations.COPY_FROM_OTHER_BODY' AND value = 1").count());

        // A later night that touched 2024 rebuilds only 2024 (and 2025): 2023's rows stay, and the rows equal the whole rebuild.
        SimilarReports.Settings conf = SimilarReports.Settings.of(settings);
        SimilarReports.Years atDefault = SimilarReports.years(lake.read(LakeSchema.REPORTS), SimilarReports.Settings.of(JobSettings.defaults()));
        assertTrue(atDefault.judged().isEmpty(), "at the default minimum no year of 36 documents is judged: " + atDefault);
        assertEquals(java.util.Set.of(2023, 2024), atDefault.notJudged().keySet());
        List<Row> whole = lake.read(LakeSchema.SIMILAR_REPORTS).collectAsList();
        List<Row> wholeWarnings = lake.read(LakeSchema.RULE_VIOLATIONS).collectAsList();
        lake.overwrite(LakeSchema.SIMILAR_REPORTS, lake.read(LakeSchema.SIMILAR_REPORTS).where("year = 2023").localCheckpoint(true));
        CopyRules.refresh(lake, conf, List.of(2024, 2025));
        assertEquals(new HashSet<>(whole), new HashSet<>(lake.read(LakeSchema.SIMILAR_REPORTS).collectAsList()), "2024 rebuilt as a whole rebuild has it");
        assertEquals(new HashSet<>(wholeWarnings), new HashSet<>(lake.read(LakeSchema.RULE_VIOLATIONS).collectAsList()), "warnings unchanged");
        assertTrue(whole.stream().anyMatch(r -> (int) r.getAs("year") == 2024), "2024 has pairs to rebuild");

        // A retired report (docs/job.md "A report's life") is in no pair and carries no copy warning.
        Row first = whole.stream().filter(r -> r.getAs("kind").equals(SimilarReports.CROSS_BODY)).findFirst().orElseThrow();
        String gone = first.getAs("report_id_b");
        io.delta.tables.DeltaTable.forPath(spark, lake.path(LakeSchema.REPORTS)).update(
                org.apache.spark.sql.functions.col("report_id").equalTo(gone),
                Map.of(LakeSchema.RETIRED_AT, org.apache.spark.sql.functions.current_timestamp()));
        CopyRules.refresh(lake, conf, List.of((int) first.getAs("year"), (int) first.getAs("year") + 1));
        assertEquals(0, lake.read(LakeSchema.SIMILAR_REPORTS).where(org.apache.spark.sql.functions.col("report_id_a").equalTo(gone)
                .or(org.apache.spark.sql.functions.col("report_id_b").equalTo(gone))).count(), "retired " + gone + " left out");
        assertEquals(whole.size() - 1, lake.read(LakeSchema.SIMILAR_REPORTS).count());
        assertEquals(0, lake.read(LakeSchema.RULE_VIOLATIONS).where(org.apache.spark.sql.functions.col("report_id").equalTo(gone)
                .and(org.apache.spark.sql.functions.col("rule").isin(RuleBook.LAKE_WIDE_RULES.toArray()))).count());
    }

    private static String pair(String a, String b) {
        if (a == null || b == null) return "null~null";
        return a.compareTo(b) < 0 ? a + "~" + b : b + "~" + a;
    }
}
