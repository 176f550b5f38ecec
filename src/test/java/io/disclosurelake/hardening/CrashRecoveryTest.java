package io.disclosurelake.hardening;

import io.disclosurelake.job.CrashPoint;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The job's JVM dies at several points of a run — halted like {@code kill -9} at a named {@link CrashPoint}, and
 * once by a real SIGKILL — and the next run over the same files repairs the lake: every table then equals
 * that of an uninterrupted run. No report lost, none duplicated.
 */
@Tag("slow") // kills and reruns the job in separate JVMs: the full lane (mvn verify)
class CrashRecoveryTest {
    static SparkSession spark;
    static final Duration RUN = OrdinaryNight.RUN_TIMEOUT;
    static OrdinaryNight night;
    static Map<String, List<String>> uninterrupted;

    @BeforeAll static void uninterruptedRun() {
        assumeTrue(LakeSession.jobAvailable(), "the nightly job is not merged yet");
        assumeTrue(OfficeConversion.available(), "LibreOffice (soffice) is needed to build the battery; bin/test installs it");
        spark = LakeSession.get();
        night = OrdinaryNight.get();
        uninterrupted = LakeSnapshot.of(spark, night.lake);
        assertTrue(uninterrupted.get(LakeSchema.REPORTS).size() > 0, "the uninterrupted run made reports");
    }

    /**
     * Named halts, in the order a run reaches them: {@code extract} inside a Spark task while parsing;
     * {@code committed:cells} between two Delta commits (cells written, applications not);
     * {@code committed:quarantine} every child table written, reports and documents not; {@code committed:reports}
     * reports written, documents not.
     */
    static final List<String> HALTS = List.of("extract", "committed:cells", "committed:quarantine", "committed:reports");

    /**
     * Several interrupted nights on one lake, each dying later than the one before on what the previous one left
     * (a night that dies before {@code documents} leaves every file to redo), then a real SIGKILL while the last
     * table commits, then a clean night: the lake equals the uninterrupted one, and a further night over the same
     * files commits nothing. Chained rather than one lake per point: every run is a JVM start and a Spark
     * session, and the chain still makes each night start from a half-written lake.
     */
    @Test void interruptedNightsAreRepairedByTheNext() throws Exception {
        Path lake = Files.createTempDirectory(night.battery.root, "crash-lake");
        for (String point : HALTS) {
            try (JobProcess crashed = JobProcess.run(night.input, lake).property(CrashPoint.PROPERTY, point).logs(logs()).start()) {
                int exit = crashed.waitFor(RUN);
                List<String> stages = crashed.stagesReached();
                assertEquals(137, exit, "the run must halt at " + point + "; stages " + stages + "\n" + crashed.stderrTail(30));
                // child tables commit on parallel threads: another one may log its stage just before the halt
                assertTrue(stages.contains(point), "halted at the named stage, reached " + stages);
            }
        }
        try (JobProcess doomed = JobProcess.run(night.input, lake).logs(logs()).start()) {
            assertTrue(doomed.awaitStage("commit:documents", RUN), "the run reached the documents commit\n" + doomed.stderrTail(30));
            doomed.kill(); // SIGKILL: lands inside the commit of documents (diff, data files or log entry)
        }
        rerunAndCompare(spark, lake);
        Map<String, Long> versions = versions(spark, lake);
        try (JobProcess again = JobProcess.run(night.input, lake).logs(logs()).start()) {
            assertEquals(0, again.waitFor(RUN), again.stderrTail(30));
        }
        Map<String, Long> after = versions(spark, lake);
        after.remove(LakeSchema.RUNS);
        versions.remove(LakeSchema.RUNS);
        assertEquals(versions, after, "an unchanged input must not commit anything but its runs row");
    }

    private static void rerunAndCompare(SparkSession spark, Path lake) throws Exception {
        try (JobProcess rerun = JobProcess.run(night.input, lake).logs(logs()).start()) {
            assertEquals(0, rerun.waitFor(RUN), "the rerun after a crash must succeed\n" + rerun.stderrTail(40));
        }
        Map<String, List<String>> repaired = LakeSnapshot.of(spark, lake);
        // every table's differences at once: one lost report shows in several tables
        StringBuilder diff = new StringBuilder();
        for (String table : uninterrupted.keySet()) {
            List<String> want = uninterrupted.get(table), got = repaired.getOrDefault(table, List.of());
            List<String> lost = new java.util.ArrayList<>(want);
            lost.removeAll(got);
            List<String> extra = new java.util.ArrayList<>(got);
            extra.removeAll(want);
            if (!lost.isEmpty() || !extra.isEmpty() || want.size() != got.size()) {
                diff.append(table).append(": ").append(want.size()).append(" rows expected, ").append(got.size())
                        .append(" found; lost ").append(lost).append("; extra ").append(extra).append('\n');
            }
        }
        assertEquals("", diff.toString(), "tables after crash + rerun vs the uninterrupted run");
        assertEquals(uninterrupted.keySet(), repaired.keySet());
    }

    private static Map<String, Long> versions(SparkSession spark, Path lake) {
        Map<String, Long> v = new LinkedHashMap<>();
        for (LakeSchema.Table t : LakeSchema.tables()) {
            Path dir = lake.resolve(t.name());
            if (!Files.isDirectory(dir.resolve("_delta_log"))) continue;
            v.put(t.name(), io.delta.tables.DeltaTable.forPath(spark, dir.toString()).history(1)
                    .select("version").first().getLong(0));
        }
        return v;
    }

    private static Path logs() { return night.battery.root.resolve("logs"); }
}
