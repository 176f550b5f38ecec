package io.disclosurelake.hardening;

import io.delta.tables.DeltaTable;
import io.disclosurelake.export.ExportManifest;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A night on a disk that fills during the exports, then a night after space is freed: the exports then equal a
 * clean night's byte for byte, and the full disk never left a cut file under an export's name. The exports
 * directory is a real tmpfs, too small for them (skipped where {@code mount} is not permitted: run as root, or see
 * export/AtomicExportsTest for the same cut by an injected I/O error). The full night's runs row is then set back
 * to {@code running}, as a night killed in its ranking step leaves it: the next night marks it failed, finds the
 * exports not whole (no manifest) and writes them again.
 */
@Tag("slow") // two job JVMs and a mount: the full lane (mvn verify)
class DiskFullExportsTest {
    static SmallNight night;
    static SparkSession spark;
    static Path mounted;

    @BeforeAll static void cleanNight() throws Exception {
        assumeTrue(LakeSession.jobAvailable(), "the nightly job is not merged yet");
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "tmpfs is Linux");
        spark = LakeSession.get();
        night = SmallNight.get();
    }

    @AfterAll static void unmount() throws Exception {
        if (mounted != null) sh("umount", mounted.toString());
    }

    @Test void aDiskThatFillsDuringTheExportsThenANightAfterSpaceIsFreed() throws Exception {
        long total = night.cleanExports.values().stream().mapToLong(b -> b.length).sum();
        Path dir = Files.createTempDirectory(night.root, "disk-full-");
        Path input = night.input(dir.resolve("input"), night.files);
        Path lake = dir.resolve("lake");
        Path exports = Files.createDirectories(SmallNight.exportsOf(lake));
        // room for a third of the exports: the disk fills part-way through them
        long size = Math.max(64 * 1024, total / 3);
        assumeTrue(sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", exports.toString()) == 0,
                "mounting a tmpfs is not permitted here (needs root)");
        mounted = exports;

        String failedRun;
        try (JobProcess job = night.night(input, lake).start()) {
            assertEquals(1, job.waitFor(SmallNight.RUN), "the night fails when the disk is full\n" + job.stderrTail(30));
            String last = SmallNight.failureLine(job);
            assertTrue(last.startsWith("run: ") && last.contains("No space left on device"), "one line naming the cause: " + last);
            assertFalse(job.stderr().contains("\tat "), "no stack trace without --verbose");
        }
        Map<String, byte[]> written = SmallNight.exports(exports);
        assertTrue(written.size() < night.cleanExports.size(), "the disk filled before every export was written: " + written.keySet());
        for (Map.Entry<String, byte[]> e : written.entrySet()) {
            assertTrue(night.cleanExports.containsKey(e.getKey()), "no temporary or unknown file left: " + e.getKey());
            assertArrayEquals(night.cleanExports.get(e.getKey()), e.getValue(), e.getKey() + " is whole (a clean night's bytes)");
        }
        assertFalse(Files.exists(exports.resolve(ExportManifest.NAME)), "no manifest: the exports are not whole");
        List<Row> runs = LakeSnapshot.table(spark, lake, LakeSchema.RUNS).collectAsList();
        assertEquals(1, runs.size());
        assertEquals("failed", runs.get(0).getAs("status"));
        failedRun = runs.get(0).getAs("run_id");
        // as a night killed in its ranking step leaves it: still "running"
        DeltaTable.forPath(spark, lake.resolve(LakeSchema.RUNS).toString()).update(col("run_id").equalTo(failedRun),
                Map.of("status", lit("running")));

        assertEquals(0, sh("mount", "-o", "remount,size=" + (4 * total + (1 << 20)), "tmpfs", exports.toString()), "space freed");
        try (JobProcess job = night.night(input, lake).start()) {
            assertEquals(0, job.waitFor(SmallNight.RUN), "the night after space was freed\n" + job.stderrTail(30));
            String out = job.stdout();
            assertTrue(out.contains("runs: 1 earlier night(s) did not finish, marked failed: " + failedRun), out);
            assertTrue(out.contains("rank: no report changed, rebuilding the gold tables and exports"), out);
        }
        night.assertExportsAsClean(lake, "after space was freed");
        night.assertSameAsClean(spark, lake, "after space was freed");
        Row marked = LakeSnapshot.table(spark, lake, LakeSchema.RUNS).where(col("run_id").equalTo(failedRun)).first();
        assertEquals("failed", marked.getAs("status"));
        assertTrue(marked.<String>getAs("error").startsWith("did not finish"), marked.<String>getAs("error"));
        System.out.printf("disk full: exports %,d bytes, tmpfs %,d bytes: %d of %d files written whole before the disk filled%n",
                total, size, written.size(), night.cleanExports.size());
    }

    private static int sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) System.out.println(String.join(" ", cmd) + ": " + out.strip());
        return p.exitValue();
    }
}
