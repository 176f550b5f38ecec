package io.disclosurelake.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.job.ExtractorFactory;
import io.disclosurelake.job.JobSettings;
import io.disclosurelake.job.NightlyJob;
import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A generated corpus run through the nightly job with the ranking step. The extractor's own accuracy is tested
 * elsewhere; here the sample is every report the lake read exactly as its truth file (identity and every cell
 * of tables 三 and 四, a blank read as blank, not as unreadable). For each: every rate in report_metrics equals {@link TruthMetrics} on the truth file (no
 * production formula code on the expected side). For each province × year whose reports were all read exactly:
 * region_totals' Σ（七）总计 and region_metrics' pooled non-disclosure parts equal the sums over the truth files.
 */
@Tag("slow") // generates a corpus and runs the job and the ranking over it: the full lane (mvn verify)
class RankingAccuracyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void metricsAndAggregatesMatchTheTruth(@TempDir Path dir) throws Exception {
        SparkSession spark = RankTestSpark.session();
        Path corpus = dir.resolve("corpus");
        new CorpusGenerator(new GeneratorOptions(corpus, 40, 20241, Set.of("txt", "html", "docx", "xlsx", "pdf"),
                2022, 2024, 0.2, 0.1, 0.0, 2), System.out).run();
        String lake = dir.resolve("lake").toUri().toString();
        JobSettings s = JobSettings.defaults().with("job.lake", lake)
                .with("job.input", corpus.resolve("docs").toUri().toString())
                .with("job.manifest", corpus.resolve("manifest.csv").toUri().toString())
                .with("job.partitions", "2");
        new NightlyJob(spark, s, ExtractorFactory.standard(), List.of(new RankingPostRunStep())).run();

        Map<String, Row> byPath = new HashMap<>();
        for (Row r : GoldTables.read(spark, lake, LakeSchema.REPORTS).collectAsList()) byPath.put(r.getAs("path"), r);
        Map<String, Map<String, Object>> cells = new HashMap<>();
        for (Row r : GoldTables.read(spark, lake, LakeSchema.CELLS).where("table_name IN ('applications', 'review_litigation')")
                .collectAsList()) {
            cells.computeIfAbsent(r.getAs("report_id"), k -> new HashMap<>())
                    .put(r.getAs("table_name") + "/" + r.getAs("row_key") + "/" + r.getAs("column_key"),
                            "value".equals(r.getAs("status")) ? r.getAs("value") : r.getAs("status"));
        }
        Map<String, Map<String, Row>> metrics = new HashMap<>();
        for (Row r : GoldTables.read(spark, lake, LakeSchema.REPORT_METRICS).collectAsList()) {
            metrics.computeIfAbsent(r.getAs("report_id"), k -> new HashMap<>()).put(r.getAs("metric"), r);
        }
        Map<String, Long> lakeBodyReports = new HashMap<>();
        for (Row r : byPath.values()) {
            if (!"region_aggregate".equals(r.getAs("report_scope"))) lakeBodyReports.merge(r.getAs("year") + "|" + r.getAs("province"), 1L, Long::sum);
        }

        List<String> mismatches = new ArrayList<>();
        int exact = 0, inexact = 0;
        Map<String, long[]> groups = new TreeMap<>();   // year|province → Σ total, Σ withheld, truth reports, exact reports
        Path truthDir = corpus.resolve("truth");
        List<Path> truths;
        try (var w = Files.walk(truthDir)) { truths = w.filter(p -> p.toString().endsWith(".json")).sorted().toList(); }
        for (Path t : truths) {
            JsonNode truth = JSON.readTree(t.toFile());
            if ("quarantined".equals(truth.path("status").asText())) continue;
            String rel = truthDir.relativize(t).toString().replaceFirst("\\.json$", "");
            boolean body = !"region_aggregate".equals(truth.path("report_scope").asText());
            String group = truth.path("year").asInt() + "|" + truth.path("region").path("province").asText(null);
            long[] g = body ? groups.computeIfAbsent(group, k -> new long[4]) : new long[4];
            JsonNode apps = truth.get("applications");
            g[0] += TruthMetrics.total(apps, "total");
            g[1] += TruthMetrics.group(apps, "withheld");
            g[2]++;
            Row report = byPath.get(rel);
            if (report == null || !readExactly(truth, report, cells.getOrDefault(report.<String>getAs("report_id"), Map.of()))) {
                inexact++;
                continue;
            }
            exact++;
            g[3]++;
            Map<String, Row> m = metrics.getOrDefault(report.<String>getAs("report_id"), Map.of());
            for (Map.Entry<String, TruthMetrics.Rate> e : TruthMetrics.rates(truth).entrySet()) {
                Row got = m.get(e.getKey());
                TruthMetrics.Rate want = e.getValue();
                if (got == null) { mismatches.add(rel + " " + e.getKey() + ": missing"); continue; }
                BigDecimal num = got.getAs("numerator"), den = got.getAs("denominator");
                Double value = got.getAs("value");
                boolean ok = num != null && den != null && num.longValueExact() == want.numerator()
                        && den.longValueExact() == want.denominator()
                        && (want.value() == null ? value == null : value != null && Math.abs(value - want.value()) < 1e-12);
                if (!ok) mismatches.add(rel + " " + e.getKey() + ": want " + want + " got " + num + "/" + den + "=" + value);
            }
        }
        System.out.printf("ranking accuracy: %d reports read exactly (the sample), %d not (extractor)%n", exact, inexact);
        assertTrue(exact >= 12, "a sample of at least 12 exactly read reports: " + exact);
        assertEquals(List.of(), mismatches, "report_metrics against truth");

        GoldTables.read(spark, lake, LakeSchema.REGION_TOTALS).createOrReplaceTempView("acc_totals");
        GoldTables.read(spark, lake, LakeSchema.REGION_METRICS).createOrReplaceTempView("acc_metrics");
        int checked = 0;
        for (Map.Entry<String, long[]> e : groups.entrySet()) {
            long[] g = e.getValue();
            String[] k = e.getKey().split("\\|");
            if (g[3] != g[2] || !Objects.equals(lakeBodyReports.get(e.getKey()), g[2])) continue; // not all read exactly
            String where = " WHERE year = " + k[0] + " AND level = 'province' AND province = '" + k[1] + "' AND report_scope = 'body'";
            Row total = spark.sql("SELECT value, reports FROM acc_totals" + where
                    + " AND table_name = 'applications' AND row_key = 'total' AND column_key = 'total'").first();
            assertEquals(0, BigDecimal.valueOf(g[0]).compareTo(total.getAs("value")), e.getKey() + " Σ（七）总计");
            assertEquals(g[2], (long) total.getAs("reports"), e.getKey() + " reports");
            Row nd = spark.sql("SELECT numerator, denominator FROM acc_metrics" + where + " AND metric = 'non_disclosure_rate'").first();
            assertEquals(0, BigDecimal.valueOf(g[1]).compareTo(nd.getAs("numerator")), e.getKey() + " Σ不予公开");
            assertEquals(0, BigDecimal.valueOf(g[0]).compareTo(nd.getAs("denominator")), e.getKey() + " pooled denominator");
            checked++;
        }
        System.out.printf("ranking accuracy: %d of %d province-years checked against truth sums%n", checked, groups.size());
        assertTrue(checked >= 1, "at least one province-year read exactly");
        assertTrue(GoldTables.read(spark, lake, LakeSchema.RANKINGS).count() > 0, "rankings written by the job's step");
    }

    /** Identity and every cell of tables 三 and 四 as in the truth file (null = blank or unreadable). */
    private static boolean readExactly(JsonNode truth, Row report, Map<String, Object> cells) {
        if (!Objects.equals(truth.path("org").asText(null), report.getAs("org"))
                || !Objects.equals(truth.path("region").path("province").asText(null), report.getAs("province"))
                || truth.path("year").asInt() != (int) report.<Integer>getAs("year")
                || !Objects.equals(truth.path("report_scope").asText("body"), report.getAs("report_scope"))) return false;
        JsonNode apps = truth.get("applications");
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            JsonNode n = apps;
            for (String part : row.key().split("\\.")) n = n == null ? null : n.get(part);
            for (int c = 0; c < TemplateSpec.APPLICANT_COLUMN_COUNT; c++) {
                JsonNode v = n == null || n.isNull() ? null : n.get(c);
                Object got = cells.get("applications/" + row.key() + "/" + TemplateSpec.APPLICANT_COLUMNS.get(c).key());
                if (!same(v, got)) return false;
            }
        }
        JsonNode rl = truth.get("review_litigation");
        List<String> keys = TemplateSpec.reviewColumnKeys();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode v = rl == null || rl.isNull() ? null : rl.get(i);
            if (!same(v, cells.get("review_litigation/" + TemplateSpec.REVIEW_ROW_KEY + "/" + keys.get(i)))) return false;
        }
        return true;
    }

    /**
     * Truth null is a blank cell (or one the template version lacks); an unreadable or absent cell is not what
     * the truth says.
     */
    private static boolean same(JsonNode want, Object got) {
        // a cell the lake does not have at all (table not found) is not a blank
        if (want == null || want.isNull()) return "blank".equals(got) || "not_in_template".equals(got);
        return got instanceof BigDecimal b && b.compareTo(want.decimalValue()) == 0;
    }
}
