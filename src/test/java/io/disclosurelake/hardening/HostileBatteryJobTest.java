package io.disclosurelake.hardening;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.model.QuarantineReason;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The nightly job over the whole hostile battery mixed with an ordinary night's files, as a child JVM with a
 * 1 GB heap (driver and executor in local mode): it exits 0, quarantines every hostile file with its reason,
 * parses the good reports exactly as it does without the hostile files, never resolves an external entity and
 * never runs out of memory.
 */
@Tag("job-hardening")
class HostileBatteryJobTest {
    static SparkSession spark;
    static final String HEAP = "1g";

    static OrdinaryNight night;
    static Battery battery;
    static Path mixedLake;
    static int exit;
    static long peakRssMb;
    static String stderr;

    @BeforeAll static void runOverTheBattery() throws Exception {
        assumeTrue(LakeSession.jobAvailable(), "the nightly job is not merged yet");
        assumeTrue(OfficeConversion.available(), "LibreOffice (soffice) is needed to build the battery; bin/test installs it");
        spark = LakeSession.get();
        night = OrdinaryNight.get();
        battery = night.battery;
        mixedLake = battery.root.resolve("mixed-lake");
        long t0 = System.nanoTime();
        try (JobProcess job = JobProcess.run(battery.input, mixedLake).heap(HEAP).logs(battery.root.resolve("logs")).start()) {
            exit = job.waitFor(OrdinaryNight.RUN_TIMEOUT);
            peakRssMb = job.peakRssMb();
            stderr = job.stderr();
        }
        System.out.printf("hostile battery run: exit %d in %.1f s, peak RSS %d MB with -Xmx%s%n",
                exit, (System.nanoTime() - t0) / 1e9, peakRssMb, HEAP);
    }

    @Test void exitsZeroWithinItsMemory() {
        assertEquals(0, exit, "the job must survive the battery; stderr tail:\n" + tail(stderr));
        assertFalse(stderr.contains("OutOfMemoryError"), "no executor may run out of memory");
        // The heap cannot pass -Xmx; what is left to check is that nothing outside it (direct buffers, threads
        // abandoned on timeouts) makes the process grow without bound.
        long heapMb = 1024;
        assertTrue(peakRssMb > 0 && peakRssMb < heapMb + 1024, "peak RSS " + peakRssMb + " MB with a " + heapMb + " MB heap");
    }

    @Test void everyHostileFileIsQuarantinedWithItsReason() {
        Map<String, String> reasons = new HashMap<>();
        for (Row r : LakeSnapshot.table(spark, mixedLake, LakeSchema.QUARANTINE).select("path", "reason").collectAsList()) {
            assertNull(reasons.put(r.getString(0), r.getString(1)), "two quarantine rows for " + r.getString(0));
        }
        Set<String> reported = reportedPaths(spark, mixedLake);
        StringBuilder wrong = new StringBuilder();
        for (HostileFiles.Entry e : battery.entries) {
            String got = reasons.get(e.name());
            switch (e.outcome()) {
                case QUARANTINED -> {
                    if (got == null || !e.reasons().contains(QuarantineReason.of(got))) {
                        wrong.append(e).append(": expected one of ").append(e.reasons()).append(", got ")
                                .append(got == null ? (reported.contains(e.name()) ? "a report" : "nothing") : got).append('\n');
                    }
                }
                case PARSED_OR_QUARANTINED -> {
                    boolean ok = got == null ? reported.contains(e.name()) : e.reasons().contains(QuarantineReason.of(got));
                    if (!ok) wrong.append(e).append(": expected a report or one of ").append(e.reasons()).append(", got ").append(got).append('\n');
                }
                case PARSED -> {
                    if (!reported.contains(e.name())) wrong.append(e).append(": expected a report, got ").append(got).append('\n');
                }
                case NOT_A_DOCUMENT -> {
                    if (reported.contains(e.name())) wrong.append(e).append(": a link loop became a report\n");
                }
            }
        }
        assertEquals("", wrong.toString());
    }

    @Test void goodReportsAreExactlyAsWhenAlone() {
        List<String> ids = LakeSnapshot.table(spark, night.lake, LakeSchema.REPORTS).select("report_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        List<String> paths = night.entries.stream().map(HostileFiles.Entry::name).toList();
        assertEquals(night.entries.stream().filter(HostileFiles.Entry::good).count(), ids.size(), "one report per good file when alone");
        Map<String, List<String>> alone = LakeSnapshot.of(spark, night.lake, ids, paths);
        Map<String, List<String>> mixed = LakeSnapshot.of(spark, mixedLake, ids, paths);
        for (String table : alone.keySet()) {
            assertEquals(alone.get(table), mixed.get(table), table + ": good reports must not change when hostile files are mixed in");
        }
        Map<String, String> orgByPath = new HashMap<>();
        for (Row r : LakeSnapshot.table(spark, mixedLake, LakeSchema.REPORTS).select("path", "org").collectAsList()) {
            orgByPath.put(r.getString(0), r.getString(1));
        }
        for (HostileFiles.Entry e : night.entries) {
            if (e.good()) assertEquals(e.org(), orgByPath.get(e.name()), e + ": body of the report");
        }
    }

    @Test void noExternalEntityIsEverResolved() {
        assertEquals(0, battery.dtdCanary.connections(), "somebody fetched the external DTD");
        String secret = battery.canaries.secret();
        assertFalse(LakeSnapshot.anyTableContains(spark, mixedLake, secret), "the local file named by an entity reached the lake");
        assertFalse(stderr.contains(secret), "the local file named by an entity reached the log");
    }

    @Test void everyFileIsAccountedForOnceAndTheLinkLoopIsNotFollowed() {
        List<String> docs = LakeSnapshot.table(spark, mixedLake, LakeSchema.DOCUMENTS).select("path")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(new HashSet<>(docs).size(), docs.size(), "one documents row per path");
        for (String p : docs) assertFalse(p.startsWith("loop/"), "followed the link loop: " + p);
        Set<String> expected = new HashSet<>();
        for (HostileFiles.Entry e : battery.entries) if (e.outcome() != HostileFiles.Outcome.NOT_A_DOCUMENT) expected.add(e.name());
        Set<String> missing = new HashSet<>(expected);
        docs.forEach(missing::remove);
        assertEquals(Set.of(), missing, "files of the battery without a documents row (lost silently)");
        List<String> quarantined = LakeSnapshot.table(spark, mixedLake, LakeSchema.QUARANTINE).select("path")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertTrue(quarantined.contains("loop") || docs.contains("loop"), "the link loop is recorded, not skipped silently");
    }

    static Set<String> reportedPaths(SparkSession spark, Path lake) {
        return new HashSet<>(LakeSnapshot.table(spark, lake, LakeSchema.REPORTS).select("path")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    }

    static String tail(String s) {
        List<String> lines = s.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
