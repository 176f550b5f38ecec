package io.disclosurelake.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.spark.SharedSpark;
import io.disclosurelake.spec.TemplateSpec;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job with the real extractor on the committed sample corpus, checked against the generator's truth files
 * through the lake's own tables: every file in documents, every bad file in quarantine with its reason, every
 * value of applications / active_disclosure / review_litigation, and every injected fault (cross-year ones
 * included) a rule_violations row.
 */
@ExtendWith(SharedSpark.class)
@Tag("slow") // runs the job over the sample corpus and compares the lake with the truth: the full lane (mvn verify)
class SampleCorpusLakeTest {
    /** The committed sample; {@code -Dlake.corpus=DIR} runs the same checks on any generated corpus (docs/, truth/). */
    static final Path CORPUS = Path.of(System.getProperty("lake.corpus", "samples/corpus"));
    static final int LATE = 10;

    /**
     * Two nights: the corpus without its last {@value #LATE} files, then with them — only those are extracted
     * (the second runs row says so) — and a third night on the same input that commits nothing but its runs row.
     * The lake after the second night is checked against the truth.
     */
    @Test
    void lakeMatchesTheTruth(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path docs = CORPUS.resolve("docs");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(docs)) { files = walk.filter(Files::isRegularFile).sorted().toList(); }
        assertTrue(files.size() > LATE, "corpus " + CORPUS + " has " + files.size() + " files");
        Path in = tmp.resolve("in");
        for (Path f : files.subList(0, files.size() - LATE)) link(docs, f, in);

        JobSettings s = JobSettings.defaults().with("job.input", in.toAbsolutePath().toString())
                .with("job.lake", tmp.resolve("lake").toAbsolutePath().toString())
                .with("job.manifest", CORPUS.resolve("manifest.csv").toAbsolutePath().toString());
        long t0 = System.nanoTime();
        RunSummary first = new NightlyJob(spark, s, ExtractorFactory.standard(), List.of()).run();
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        for (Path f : files.subList(files.size() - LATE, files.size())) link(docs, f, in);
        long t1 = System.nanoTime();
        RunSummary run = new NightlyJob(spark, s, ExtractorFactory.standard(), List.of()).run();
        double secondSeconds = (System.nanoTime() - t1) / 1e9;
        run.print(System.out);
        System.out.printf("corpus %s: first night %d files in %.1f s, second night +%d files in %.1f s%n",
                CORPUS, first.docsSeen(), firstSeconds, LATE, secondSeconds);
        assertEquals(files.size() - LATE, first.docsNew());
        assertEquals(LATE, run.docsNew(), "only the new files are read");
        assertEquals(files.size() - LATE, run.docsUnchanged());
        LakeTables lake = new LakeTables(spark, s.lake());
        assertEquals(List.of((long) files.size() - LATE, (long) LATE), lake.read("runs").orderBy("started_at")
                .select("docs_new").as(org.apache.spark.sql.Encoders.LONG()).collectAsList(), "runs: documents new per night");
        Map<String, Long> versions = new HashMap<>();
        for (String t : LakeTables.JOB_TABLES) versions.put(t, lake.version(t));

        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> truth = new HashMap<>();
        for (Path f : files) {
            String rel = docs.relativize(f).toString().replace('\\', '/');
            truth.put(rel, json.readTree(CORPUS.resolve("truth").resolve(rel + ".json").toFile()));
        }
        Map<String, String> reportOf = new HashMap<>();
        Set<String> documents = new TreeSet<>();
        for (Row r : lake.read("documents").collectAsList()) {
            documents.add(r.getAs("path"));
            if (r.getAs("report_id") != null) reportOf.put(r.getAs("path"), r.getAs("report_id"));
        }
        assertEquals(new TreeSet<>(truth.keySet()), documents, "documents has every input file");

        Set<String> expectedQ = new TreeSet<>();
        truth.forEach((p, t) -> { if ("quarantined".equals(t.path("status").asText())) expectedQ.add(p + " " + t.path("reason").asText()); });
        Set<String> gotQ = new TreeSet<>();
        for (Row r : lake.read("quarantine").collectAsList()) gotQ.add(r.getAs("path") + " " + r.getAs("reason"));
        assertEquals(expectedQ, gotQ, "every bad file is a quarantine row with its reason");

        Map<String, Map<String, Row>> apps = new HashMap<>();
        for (Row r : lake.read("applications").collectAsList()) {
            apps.computeIfAbsent(r.getAs("report_id"), k -> new HashMap<>()).put(r.getAs("row_key"), r);
        }
        Map<String, Row> active = new HashMap<>();
        for (Row r : lake.read("active_disclosure").collectAsList()) active.put(r.getAs("report_id"), r);
        Map<String, Row> review = new HashMap<>();
        for (Row r : lake.read("review_litigation").collectAsList()) review.put(r.getAs("report_id"), r);
        Map<String, Set<String>> rules = new HashMap<>();
        for (Row r : lake.read("rule_violations").collectAsList()) rules.computeIfAbsent(r.getAs("report_id"), k -> new TreeSet<>()).add(r.getAs("rule"));

        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : truth.entrySet()) {
            JsonNode t = e.getValue();
            if ("quarantined".equals(t.path("status").asText())) continue;
            String id = reportOf.get(e.getKey());
            if (id == null) { wrong.add(e.getKey() + ": no report"); continue; }
            for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
                JsonNode arr = t.path("applications");
                for (String part : row.key().split("\\.")) arr = arr.path(part);
                Row got = apps.getOrDefault(id, Map.of()).get(row.key());
                for (int c = 0; c < 7; c++) {
                    JsonNode want = arr.isArray() ? arr.get(c) : null;
                    Object have = got == null ? null : got.get(got.fieldIndex(TemplateSpec.APPLICANT_COLUMNS.get(c).key()));
                    compared++;
                    if (!same(want, have)) wrong.add(e.getKey() + " applications." + row.key() + "[" + c + "] want " + want + " got " + have);
                }
            }
            for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) {
                Row got = active.get(id);
                Object have = got == null ? null : got.get(got.fieldIndex(f.key()));
                compared++;
                if (!same(t.path("active").get(f.key()), have)) wrong.add(e.getKey() + " active." + f.key() + " want " + t.path("active").get(f.key()) + " got " + have);
            }
            List<String> keys = TemplateSpec.reviewColumnKeys();
            for (int i = 0; i < keys.size(); i++) {
                Row got = review.get(id);
                Object have = got == null ? null : got.get(got.fieldIndex(keys.get(i)));
                compared++;
                if (!same(t.path("review_litigation").get(i), have)) wrong.add(e.getKey() + " review[" + i + "] want " + t.path("review_litigation").get(i) + " got " + have);
            }
            for (JsonNode fault : t.path("faults")) {
                if (!rules.getOrDefault(id, Set.of()).contains(fault.asText())) {
                    wrong.add(e.getKey() + ": injected " + fault.asText() + " not in rule_violations " + rules.get(id));
                }
            }
        }
        System.out.println("corpus " + CORPUS + ": " + truth.size() + " files, " + compared + " values compared, "
                + wrong.size() + " wrong");
        assertTrue(compared > 1000, "values compared: " + compared);
        assertEquals(List.of(), wrong);

        // Identity is computed once, in the per-document core: inspect --json's identity is the lake's reports row.
        int identities = 0;
        for (Row r : lake.read("reports").collectAsList()) {
            String path = r.getAs("path");
            io.disclosurelake.model.Report extracted = new io.disclosurelake.extract.Extractor()
                    .extract(path, Files.readAllBytes(in.resolve(path)));
            JsonNode id = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(io.disclosurelake.json.ReportJson.toJson(extracted)).path("identity");
            for (String column : List.of("report_id", "body_key", "year", "narrative_sha256", "tables_sha256")) {
                Object have = r.getAs(column);
                JsonNode want = id.get(column);
                if (!(want == null || want.isNull() ? have == null : have != null && want.asText().equals(String.valueOf(have)))) {
                    wrong.add(path + ": inspect --json identity." + column + " " + want + " but reports has " + have);
                }
            }
            identities++;
        }
        assertTrue(identities > 10, "reports compared with inspect --json: " + identities);
        assertEquals(List.of(), wrong);

        // A third night on the same input: nothing read, no table but runs committed.
        RunSummary again = new NightlyJob(spark, s, ExtractorFactory.standard(), List.of()).run();
        assertEquals(0, again.docsNew());
        for (String t : LakeTables.JOB_TABLES) {
            if (!t.equals("runs")) assertEquals(versions.get(t), lake.version(t), t + " committed on an unchanged input");
        }
    }

    private static void link(Path docs, Path f, Path in) throws java.io.IOException {
        Path target = in.resolve(docs.relativize(f).toString());
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, f);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            Files.copy(f, target);
        }
    }

    static boolean same(JsonNode want, Object have) {
        if (want == null || want.isNull()) return have == null;
        if (have == null) return false;
        BigDecimal h = have instanceof BigDecimal b ? b : new BigDecimal(have.toString());
        return want.decimalValue().compareTo(h) == 0;
    }
}
