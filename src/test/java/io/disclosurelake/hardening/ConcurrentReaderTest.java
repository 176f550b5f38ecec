package io.disclosurelake.hardening;

import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * While the job writes (two nightly runs in a child JVM, the second adding new reports), a reader in this JVM
 * queries the tables in a loop. Delta gives snapshot isolation per table, and the job commits a report's child
 * tables before {@code reports}: so every snapshot the reader sees holds each report whole (all its application
 * rows and cells or none), every report listed in {@code reports} already has all its rows, and a version read
 * again later (time travel) is exactly what it was.
 */
@Tag("slow") // runs the job in a separate JVM while readers query the lake: the full lane (mvn verify)
class ConcurrentReaderTest {
    static SparkSession spark;
    static final int PER_BATCH = 8;
    static Path root;

    @BeforeAll static void scratch() throws Exception {
        assumeTrue(LakeSession.jobAvailable(), "the nightly job is not merged yet");
        spark = LakeSession.get();
        root = Files.createTempDirectory("dl-concurrent");
    }

    @AfterAll static void clean() { TempDirs.delete(root); }

    /** What one pass of the reader saw. */
    record Observation(List<String> reportIds, Map<String, Long> applications, Map<String, Long> cells) {}

    @Test void readersSeeOnlyWholeVersions() throws Exception {
        Path input = Files.createDirectories(root.resolve("input"));
        Path lake = root.resolve("lake");
        writeBatch(input, 2023, 0);

        CompletableFuture<String> writer = CompletableFuture.supplyAsync(() -> {
            try {
                runJob(input, lake);
                writeBatch(input, 2024, PER_BATCH);
                runJob(input, lake);
                return "ok";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<Observation> seen = new ArrayList<>();
        Map<String, Map<Long, List<String>>> versionsRead = new HashMap<>();
        int timeTravelChecks = 0;
        while (!writer.isDone()) {
            if (!exists(lake, LakeSchema.REPORTS) || !exists(lake, LakeSchema.CELLS) || !exists(lake, LakeSchema.APPLICATIONS)) {
                Thread.sleep(200);
                continue;
            }
            // reports first: whatever it lists was committed after its children, so the children must be whole
            List<String> ids = read(spark, lake, LakeSchema.REPORTS, null).select("report_id").as(Encoders.STRING()).collectAsList();
            Map<String, Long> apps = countsPerReport(read(spark, lake, LakeSchema.APPLICATIONS, null));
            Map<String, Long> cells = countsPerReport(read(spark, lake, LakeSchema.CELLS, null));
            seen.add(new Observation(ids, apps, cells));
            // time travel: a version once read never changes
            for (String table : List.of(LakeSchema.APPLICATIONS, LakeSchema.REPORTS)) {
                long v = latestVersion(spark, lake, table);
                for (long old : new ArrayList<>(versionsRead.computeIfAbsent(table, k -> new HashMap<>()).keySet())) {
                    assertEquals(versionsRead.get(table).get(old), LakeSnapshot.rows(read(spark, lake, table, old)),
                            table + " version " + old + " read again later");
                    timeTravelChecks++;
                }
                versionsRead.get(table).putIfAbsent(v, LakeSnapshot.rows(read(spark, lake, table, v)));
            }
        }
        assertEquals("ok", writer.get());

        Map<String, Long> finalApps = countsPerReport(read(spark, lake, LakeSchema.APPLICATIONS, null));
        Map<String, Long> finalCells = countsPerReport(read(spark, lake, LakeSchema.CELLS, null));
        List<String> finalIds = read(spark, lake, LakeSchema.REPORTS, null).select("report_id").as(Encoders.STRING()).collectAsList();
        assertEquals(2 * PER_BATCH, finalIds.size(), "every report of both nights");
        for (String id : finalIds) {
            assertTrue(finalApps.getOrDefault(id, 0L) >= 23, id + " has its application rows");
        }
        int withReports = 0;
        for (Observation o : seen) {
            for (Map.Entry<String, Long> a : o.applications().entrySet()) {
                assertEquals(finalApps.get(a.getKey()), a.getValue(), "a snapshot of applications held part of report " + a.getKey());
            }
            for (Map.Entry<String, Long> c : o.cells().entrySet()) {
                assertEquals(finalCells.get(c.getKey()), c.getValue(), "a snapshot of cells held part of report " + c.getKey());
            }
            for (String id : o.reportIds()) {
                assertEquals(finalApps.get(id), o.applications().get(id), "report " + id + " listed before its application rows");
                assertEquals(finalCells.get(id), o.cells().get(id), "report " + id + " listed before its cells");
            }
            if (!o.reportIds().isEmpty()) withReports++;
        }
        System.out.printf("concurrent reader: %d passes (%d with reports), %d time-travel re-reads%n", seen.size(), withReports, timeTravelChecks);
        if (seen.size() < 3) fail("the reader overlapped the writer only " + seen.size() + " times: nothing was tested");
    }

    private static void writeBatch(Path input, int year, int firstBureau) throws Exception {
        for (int i = 0; i < PER_BATCH; i++) {
            SeedReport s = SeedReport.as(SeedReport.BUREAUS.get((firstBureau + i) % SeedReport.BUREAUS.size()), year);
            if (i % 2 == 0) Files.write(input.resolve(year + "-" + s.bureau + ".txt"), s.txt());
            else Files.write(input.resolve(year + "-" + s.bureau + ".docx"), s.docx());
        }
    }

    private static void runJob(Path input, Path lake) throws Exception {
        try (JobProcess job = JobProcess.run(input, lake).logs(root.resolve("logs")).start()) {
            int exit = job.waitFor(OrdinaryNight.RUN_TIMEOUT);
            if (exit != 0) throw new IllegalStateException("writer run failed (exit " + exit + "):\n" + job.stderrTail(40));
        }
    }

    private static boolean exists(Path lake, String table) {
        try (var s = Files.list(lake.resolve(table).resolve("_delta_log"))) {
            return s.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
        } catch (Exception e) {
            return false;
        }
    }

    private static Dataset<Row> read(SparkSession spark, Path lake, String table, Long version) {
        var reader = spark.read().format("delta");
        if (version != null) reader = reader.option("versionAsOf", version);
        return reader.load(lake.resolve(table).toString());
    }

    private static long latestVersion(SparkSession spark, Path lake, String table) {
        return io.delta.tables.DeltaTable.forPath(spark, lake.resolve(table).toString()).history(1).select("version").first().getLong(0);
    }

    private static Map<String, Long> countsPerReport(Dataset<Row> df) {
        Map<String, Long> m = new HashMap<>();
        for (Row r : df.groupBy("report_id").count().collectAsList()) m.put(r.getString(0), r.getLong(1));
        return m;
    }
}
