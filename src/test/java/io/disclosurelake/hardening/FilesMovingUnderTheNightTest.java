package io.disclosurelake.hardening;

import io.disclosurelake.job.CrashPoint;
import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Files that move while a night runs (docs/job.md "Files that move during a night"), on the real {@code run}:
 * the night pauses right after its listing ({@link CrashPoint#PAUSE} at {@code listed}) while the test deletes or
 * rewrites a file. A file deleted between listing and reading, back the next night with the same modification
 * time, and a file rewritten under the night (size and modification time no longer the listing's): each night
 * records nothing for it, the next one reads it whole, and the lake then equals one clean night on the same files.
 */
@Tag("slow") // four job JVMs: the full lane (mvn verify)
class FilesMovingUnderTheNightTest {
    static SmallNight night;
    static SparkSession spark;

    @BeforeAll static void cleanNight() {
        assumeTrue(LakeSession.jobAvailable(), "the nightly job is not merged yet");
        spark = LakeSession.get();
        night = SmallNight.get();
    }

    @Test void aVanishedFileBackWithItsModificationTimeAndAFileChangedUnderTheNight() throws Exception {
        List<String> reported = LakeSnapshot.table(spark, night.cleanLake, LakeSchema.REPORTS).select(LakeSchema.PATH)
                .orderBy(LakeSchema.PATH).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        String gone = reported.get(0), changed = reported.get(reported.size() - 1);
        Path dir = Files.createTempDirectory(night.root, "moving-");
        Path input = night.input(dir.resolve("input"), night.files);
        Path lake = dir.resolve("lake");

        // 1. deleted after the listing: not judged, nothing recorded for it
        Path file = input.resolve(gone);
        byte[] bytes = Files.readAllBytes(file);
        FileTime mtime = Files.getLastModifiedTime(file);
        pausedNight(input, lake, dir.resolve("go-1"), () -> Files.delete(file));
        assertTrue(rows(lake, LakeSchema.DOCUMENTS, gone).isEmpty(), "no documents row for the vanished file");
        assertTrue(rows(lake, LakeSchema.QUARANTINE, gone).isEmpty(), "no quarantine row for the vanished file");
        assertTrue(rows(lake, LakeSchema.REPORTS, gone).isEmpty(), "no report from the vanished file yet");

        // 2. back, same bytes and the same modification time: read whole; the lake is the clean night's
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, mtime);
        plainNight(input, lake, "the night after the file came back");
        night.assertSameAsClean(spark, lake, "after the vanished file came back");
        night.assertExportsAsClean(lake, "after the vanished file came back");

        // 3. changed before the night (so it is read) and again under it, after the listing: read again next night
        Path other = input.resolve(changed);
        byte[] original = Files.readAllBytes(other);
        List<Row> before = rows(lake, LakeSchema.DOCUMENTS, changed);
        byte[] longer = java.util.Arrays.copyOf(original, original.length + 512);
        Files.write(other, longer);
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minusSeconds(60)));
        pausedNight(input, lake, dir.resolve("go-3"), () -> {
            Files.write(other, original);
            Files.setLastModifiedTime(other, FileTime.from(Instant.now()));
        });
        assertEquals(before, rows(lake, LakeSchema.DOCUMENTS, changed), "the changed file's documents row is as before the night");
        assertTrue(rows(lake, LakeSchema.QUARANTINE, changed).isEmpty(), "no quarantine row for the changed file");

        // 4. the next night reads it as it now is
        plainNight(input, lake, "the night after the file changed under the previous one");
        night.assertSameAsClean(spark, lake, "after the file that changed under a night");
        night.assertExportsAsClean(lake, "after the file that changed under a night");
    }

    interface Change { void apply() throws Exception; }

    /** A night that pauses after its listing while {@code change} is made; it must end well and say it will retry. */
    private static void pausedNight(Path input, Path lake, Path go, Change change) throws Exception {
        long t0 = System.nanoTime();
        try (JobProcess job = night.night(input, lake).property(CrashPoint.PAUSE, "listed")
                .property(CrashPoint.RESUME, go.toString()).start()) {
            assertTrue(job.awaitStage("listed", SmallNight.RUN), "the night listed its input\n" + job.stderrTail(30));
            change.apply();
            Files.createFile(go);
            assertEquals(0, job.waitFor(SmallNight.RUN), job.stderrTail(40));
            assertTrue(job.stdout().contains("1 file(s) moved or changed while being read: read again next night"), job.stdout());
        }
        System.out.printf("files moving: paused night in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void plainNight(Path input, Path lake, String what) throws Exception {
        long t0 = System.nanoTime();
        try (JobProcess job = night.night(input, lake).start()) {
            assertEquals(0, job.waitFor(SmallNight.RUN), what + "\n" + job.stderrTail(40));
        }
        System.out.printf("files moving: %s in %.0f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private static List<Row> rows(Path lake, String table, String path) {
        return LakeSnapshot.table(spark, lake, table).where(col(LakeSchema.PATH).equalTo(path)).collectAsList();
    }

}
