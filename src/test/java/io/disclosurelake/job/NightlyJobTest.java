package io.disclosurelake.job;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.lake.LakeTables;
import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The job end to end on a small corpus with the fake extractor: first run, rerun without change (no table
 * changes, no commit), a corrected re-publication plus a neighbouring year arriving later, and bad files.
 */
@ExtendWith(SharedSpark.class)
@Tag("slow") // runs whole nights of the job: the full lane (mvn verify)
class NightlyJobTest {
    static final String A = "甲市民政局";
    static final String B = "乙县教育局";

    static Map<String, String> balanced(int received, int carriedOver, int carriedForward) {
        int closed = received + carriedOver - carriedForward;
        Map<String, String> m = new LinkedHashMap<>();
        m.put("app.new", received + ",0,0,0,0,0," + received);
        m.put("app.carried_over", carriedOver + ",0,0,0,0,0," + carriedOver);
        m.put("app.disclosed", closed + ",0,0,0,0,0," + closed);
        m.put("app.total", closed + ",0,0,0,0,0," + closed);
        m.put("app.carried_forward", carriedForward + ",0,0,0,0,0," + carriedForward);
        return m;
    }

    static void write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
    }

    static NightlyJob job(SparkSession spark, Path input, Path lake) {
        JobSettings s = JobSettings.defaults().with("job.input", input.toUri().toString()).with("job.lake", lake.toUri().toString())
                .with("limits.timeout_seconds", "1").with("job.partitions", "2");
        return new NightlyJob(spark, s, FakeExtractor.FACTORY, List.of());
    }

    /** Every job table's full content (sorted rows as text), runs excluded. */
    static Map<String, List<String>> contents(LakeTables lake) {
        Map<String, List<String>> m = new TreeMap<>();
        for (String t : LakeTables.JOB_TABLES) {
            if (t.equals(LakeSchema.RUNS)) continue;
            List<String> rows = new ArrayList<>();
            for (Row r : lake.read(t).collectAsList()) rows.add(r.toString());
            rows.sort(null);
            m.put(t, rows);
        }
        return m;
    }

    static Map<String, Long> versions(LakeTables lake) {
        Map<String, Long> m = new TreeMap<>();
        for (String t : LakeTables.JOB_TABLES) if (!t.equals(LakeSchema.RUNS)) m.put(t, lake.version(t));
        return m;
    }

    static List<String> sorted(String... values) {
        List<String> l = new ArrayList<>(List.of(values));
        l.sort(null);
        return l;
    }

    static List<String> strings(SparkSession spark, String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : spark.sql(sql).collectAsList()) out.add(r.mkString("|"));
        out.sort(null);
        return out;
    }

    @Test
    void firstRunRerunCorrectionAndLateNeighbour(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Path lakeDir = tmp.resolve("lake");
        write(in, "a/甲 2022.txt", FakeExtractor.text(A, 2022, balanced(10, 2, 3)));
        // 2023 carries over 4 where 2022 carried forward 3: CARRY_OVER_CONTINUITY on every column that differs.
        write(in, "a/甲 2023.txt", FakeExtractor.text(A, 2023, balanced(5, 4, 0)));
        Map<String, String> broken = balanced(7, 0, 1);
        broken.put("app.total", "7,0,0,0,0,0,7"); // 7 + 0 ≠ 7 + 1: APP_BALANCE, APP_OUTCOME_SUM
        write(in, "b/乙.txt", FakeExtractor.text(B, 2023, broken));
        write(in, "b/copy of 乙.txt", FakeExtractor.text(B, 2023, broken)); // same content, second path
        write(in, "bad/encrypted.txt", "quarantine: encrypted\n");
        write(in, "bad/boom.txt", "throw: yes\n");
        write(in, "bad/slow.txt", "sleep: 5000\n");
        write(in, "bad/empty.txt", "");
        Files.createSymbolicLink(in.resolve("bad/loop"), in.resolve("bad"));

        NightlyJob first = job(spark, in, lakeDir);
        RunSummary s1 = first.run();
        s1.print(System.out);
        LakeTables lake = first.lake();
        String docs = lake.path("documents");
        spark.read().format("delta").load(docs).createOrReplaceTempView("documents");
        lake.read("quarantine").createOrReplaceTempView("quarantine");
        lake.read("reports").createOrReplaceTempView("reports");
        lake.read("rule_violations").createOrReplaceTempView("rule_violations");

        assertEquals(9, s1.docsSeen());
        assertEquals(sorted("a/甲 2022.txt", "a/甲 2023.txt", "b/copy of 乙.txt", "b/乙.txt", "bad/boom.txt", "bad/empty.txt",
                "bad/encrypted.txt", "bad/loop", "bad/slow.txt"), strings(spark, "SELECT path FROM documents"));
        assertEquals(sorted("bad/boom.txt|corrupt", "bad/empty.txt|empty", "bad/encrypted.txt|encrypted", "bad/loop|unsafe",
                "bad/slow.txt|timeout"), strings(spark, "SELECT path, reason FROM quarantine"));
        assertEquals(sorted("2022|" + A, "2023|" + A, "2023|" + B), strings(spark, "SELECT year, org FROM reports"));
        assertEquals(1, strings(spark, "SELECT DISTINCT report_id FROM documents WHERE path LIKE 'b/%'").size(),
                "same content under two paths is one report");
        assertEquals(sorted("APP_BALANCE|自然人|" + B, "APP_BALANCE|总计|" + B, "CARRY_OVER_CONTINUITY|自然人|" + A, "CARRY_OVER_CONTINUITY|总计|" + A),
                strings(spark, "SELECT v.rule, v.scope, r.org FROM rule_violations v JOIN reports r USING (report_id)"
                        + " WHERE v.rule IN ('APP_BALANCE', 'CARRY_OVER_CONTINUITY')"));
        assertEquals(75, lake.read("applications").count());
        assertEquals(List.of("2022|0.0", "2023|2.0"), strings(spark, "SELECT r.year, m.value FROM delta.`" + lake.path("report_metrics")
                + "` m JOIN reports r USING (report_id) WHERE m.metric = 'warning_violations' AND r.org = '" + A + "'"));

        // Rerun on the same input: no table changes content, and no table but runs gets a commit.
        Map<String, List<String>> before = contents(lake);
        Map<String, Long> versionsBefore = versions(lake);
        RunSummary s2 = job(spark, in, lakeDir).run();
        s2.print(System.out);
        assertEquals(0, s2.docsNew());
        assertEquals(8, s2.docsUnchanged());
        assertEquals(before, contents(lake));
        assertEquals(versionsBefore, versions(lake));

        // A corrected re-publication (new content, same path, body and year) and the 2021 report arriving late.
        write(in, "a/甲 2023.txt", FakeExtractor.text(A, 2023, balanced(5, 3, 0)) + "narrative: corrected\n");
        write(in, "a/甲 2021.txt", FakeExtractor.text(A, 2021, balanced(1, 0, 1)));
        Files.setLastModifiedTime(in.resolve("b/乙.txt"), FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // touched only
        String oldSha = strings(spark, "SELECT sha256 FROM delta.`" + lake.path("reports") + "` WHERE year = 2023 AND org = '" + A + "'").get(0);
        long reportsVersion = lake.version("reports");
        RunSummary s3 = job(spark, in, lakeDir).run();
        s3.print(System.out);
        assertEquals(3, s3.docsNew());
        assertEquals(1, s3.docsKnownContent(), "the touched file is hashed, not extracted");
        lake.read("reports").createOrReplaceTempView("reports");
        lake.read("rule_violations").createOrReplaceTempView("rule_violations");
        assertEquals(4, lake.read("reports").count());
        assertNotEquals(oldSha, strings(spark, "SELECT sha256 FROM reports WHERE year = 2023 AND org = '" + A + "'").get(0));
        assertEquals(oldSha, strings(spark, "SELECT sha256 FROM delta.`" + lake.path("reports") + "` VERSION AS OF " + reportsVersion
                + " WHERE year = 2023 AND org = '" + A + "'").get(0), "the earlier version stays in Delta's history");
        // 2023 now continues 2022; 2022 (carried_over 2) does not continue the late 2021 (carried_forward 1).
        assertEquals(sorted("2022|CARRY_OVER_CONTINUITY|自然人|2.0000|1.0000", "2022|CARRY_OVER_CONTINUITY|总计|2.0000|1.0000"),
                strings(spark, "SELECT r.year, v.rule, v.scope, v.left_value, v.right_value FROM rule_violations v JOIN reports r USING (report_id)"
                        + " WHERE r.org = '" + A + "' AND v.rule = 'CARRY_OVER_CONTINUITY'"));
        assertEquals(0, lake.read("applications").groupBy("report_id", "row_key").count().where("count > 1").count(), "no duplicate rows");
        assertEquals(100, lake.read("applications").count());
        assertEquals(3, lake.read("runs").count());
        assertEquals(sorted("succeeded|9", "succeeded|0", "succeeded|3"),
                strings(spark, "SELECT status, docs_new FROM delta.`" + lake.path("runs") + "`"));
    }

    /**
     * A night that reads at least job.compiled_code_from_documents documents runs the rest of its queries as compiled
     * code (lake/CodeGeneration), says so, gives the session back interpreted, and writes the same tables as an
     * interpreted night over the same input.
     */
    @Test
    void aLargeNightCompilesItsQueriesAndWritesTheSameTables(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        write(in, "a/甲 2022.txt", FakeExtractor.text(A, 2022, balanced(10, 2, 3)));
        write(in, "a/甲 2023.txt", FakeExtractor.text(A, 2023, balanced(5, 4, 0)));
        write(in, "b/乙.txt", FakeExtractor.text(B, 2023, balanced(7, 0, 1)));
        write(in, "bad/encrypted.txt", "quarantine: encrypted\n");
        Map<String, RunSummary> nights = new LinkedHashMap<>();
        for (String from : List.of("3", "0")) {
            JobSettings s = JobSettings.defaults().with("job.input", in.toUri().toString())
                    .with("job.lake", tmp.resolve("lake-" + from).toUri().toString()).with("job.partitions", "2")
                    .with("job.compiled_code_from_documents", from);
            nights.put(from, new NightlyJob(spark, s, FakeExtractor.FACTORY, List.of()).run());
            assertFalse(io.disclosurelake.lake.CodeGeneration.isCompiled(spark), "the session is interpreted again after the night");
        }
        assertTrue(nights.get("3").extraLines().stream().anyMatch(l -> l.startsWith("compiled code: 4 documents to read")),
                nights.get("3").extraLines().toString());
        assertTrue(nights.get("0").extraLines().stream().noneMatch(l -> l.startsWith("compiled code")));
        List<String> d = io.disclosurelake.lake.CompareLakes.differences(spark, tmp.resolve("lake-3").toUri().toString(),
                tmp.resolve("lake-0").toUri().toString());
        assertTrue(io.disclosurelake.lake.CompareLakes.same(d), String.join("\n", d));
    }

    /**
     * The quick lake check runs beside the night's start (NightlyJob): a damaged table still stops the night before
     * its first commit, with the check's one line, whether the night's own reads meet the damage first (documents)
     * or not (cells, read only after the check).
     */
    @Test
    void aDamagedTableStopsTheNightBeforeAnyCommit(SparkSession spark, @TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Path lakeDir = tmp.resolve("lake");
        write(in, "a/甲 2022.txt", FakeExtractor.text(A, 2022, balanced(10, 2, 3)));
        LakeTables lake = job(spark, in, lakeDir).lake();
        job(spark, in, lakeDir).run();
        write(in, "b/乙.txt", FakeExtractor.text(B, 2023, balanced(7, 0, 1))); // something to do: the night would commit
        Map<String, Long> logs = logFiles(lakeDir);

        String cellsFile = deleteOneDataFile(spark, lakeDir.resolve(LakeSchema.CELLS));
        io.disclosurelake.lake.LakeDamage.DamagedTableException e = assertThrows(io.disclosurelake.lake.LakeDamage.DamagedTableException.class,
                () -> job(spark, in, lakeDir).run());
        assertEquals("damaged lake: table cells: data file " + cellsFile + " is missing; see docs/job.md \"A damaged lake\"", e.getMessage());
        assertEquals(logs, logFiles(lakeDir), "no table committed, runs included");

        String docsFile = deleteOneDataFile(spark, lakeDir.resolve(LakeSchema.DOCUMENTS));
        e = assertThrows(io.disclosurelake.lake.LakeDamage.DamagedTableException.class, () -> job(spark, in, lakeDir).run());
        assertEquals("damaged lake: table documents: data file " + docsFile + " is missing (and 1 more damaged table: cells);"
                + " see docs/job.md \"A damaged lake\"", e.getMessage());
        assertEquals(logs, logFiles(lakeDir));
        assertEquals(1, lake.read(LakeSchema.RUNS).count());
        assertTrue(spark.sharedState().cacheManager().lookupCachedData((org.apache.spark.sql.classic.Dataset<?>) lake.read(LakeSchema.DOCUMENTS)).isEmpty(),
                "a failed night leaves no read of documents cached in the session (it would stand in for later reads)");
    }

    /** Files in each table's _delta_log (a commit adds one). */
    static Map<String, Long> logFiles(Path lake) throws Exception {
        Map<String, Long> m = new TreeMap<>();
        try (var tables = Files.list(lake)) {
            for (Path t : tables.filter(p -> Files.isDirectory(p.resolve("_delta_log"))).toList()) {
                try (var files = Files.list(t.resolve("_delta_log"))) { m.put(t.getFileName().toString(), files.count()); }
            }
        }
        return m;
    }

    /** Deletes a data file the table's latest version lists (not one an earlier version dropped). */
    static String deleteOneDataFile(SparkSession spark, Path table) throws Exception {
        String[] files = spark.read().format("delta").load(table.toUri().toString()).inputFiles();
        java.util.Arrays.sort(files);
        Path parquet = Path.of(java.net.URI.create(files[0]));
        Files.delete(parquet);
        return parquet.getFileName().toString();
    }
}
