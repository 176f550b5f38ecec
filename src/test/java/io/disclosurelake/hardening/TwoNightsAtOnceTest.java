package io.disclosurelake.hardening;

import io.disclosurelake.lake.LakeSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two whole nights started at once on one lake — two real {@code run} processes — on a fresh lake and on an existing
 * one (a first night over part of the files, then new files, then the two nights together), several rounds each.
 * Afterwards every table equals the table of one clean night on the same input (content fingerprints) and so do
 * the exports, byte for byte; exactly one of the two did the night, and the other behaved as docs/job.md "One night
 * at a time" says: with {@code job.claim_wait_seconds=0} it refused with one line naming the running night (exit 1),
 * with a long wait it waited for the claim and then found nothing to do (exit 0, no commit). Rounds alternate the
 * two settings; {@code -Dnights.rounds=N} (default 2) rounds of each kind.
 */
@Tag("slow") // two job JVMs per round: the full lane (mvn verify)
class TwoNightsAtOnceTest {
    static final int ROUNDS = Integer.getInteger("nights.rounds", 2);
    static final Pattern REFUSED = Pattern.compile(
            "^run: ClaimedException: another night is running on lake (\\S+): run (\\S+) on (\\S+) \\(pid (\\d+), started [^)]+\\)(; waited \\d+ s)?; try again when it has finished$");
    static SmallNight night;
    static SparkSession spark;

    @BeforeAll static void cleanNight() {
        assumeTrue(LakeSession.jobAvailable(), "the nightly job is not merged yet");
        spark = LakeSession.get();
        night = SmallNight.get();
        System.out.printf("two nights: clean night over %d documents in %.0f s%n", night.files.size(), night.cleanSeconds);
    }

    @Test void twoNightsAtOnceOnAFreshLake() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Path dir = Files.createTempDirectory(night.root, "fresh-" + round + "-");
            Path input = night.input(dir.resolve("input"), night.files);
            together(input, dir.resolve("lake"), round % 2 == 0, "fresh lake, round " + (round + 1));
        }
    }

    @Test void twoNightsAtOnceOnAnExistingLake() throws Exception {
        // One first night over all files but four; each round starts from a copy of what it left (input with its
        // files' times, lake, exports): the same existing lake every round, without a job JVM per round to make it.
        Path existing = Files.createTempDirectory(night.root, "existing-first-");
        try (JobProcess job = night.night(night.input(existing.resolve("input"), night.files.subList(0, night.files.size() - 4)),
                existing.resolve("lake")).start()) {
            assertEquals(0, job.waitFor(SmallNight.RUN), "the first night\n" + job.stderrTail(40));
        }
        for (int round = 0; round < ROUNDS; round++) {
            Path dir = TempDirs.copy(existing, Files.createTempDirectory(night.root, "existing-" + round + "-"));
            Path input = night.input(dir.resolve("input"), night.files); // four new files (the others are copied again with their old times)
            together(input, dir.resolve("lake"), round % 2 == 1, "existing lake, round " + (round + 1));
        }
    }

    /** Starts two nights at once, checks what each did, and the lake and exports against the clean night's. */
    private static void together(Path input, Path lake, boolean refuse, String what) throws Exception {
        String wait = "job.claim_wait_seconds=" + (refuse ? 0 : 1500);
        long t0 = System.nanoTime();
        int[] exit = new int[2];
        JobProcess[] jobs = new JobProcess[2];
        try (JobProcess a = night.night(input, lake).args("--set", wait).start();
             JobProcess b = night.night(input, lake).args("--set", wait).start()) {
            jobs[0] = a;
            jobs[1] = b;
            exit[0] = a.waitFor(SmallNight.RUN);
            exit[1] = b.waitFor(SmallNight.RUN);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Integer> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) if (exit[i] == 0 && !nothingToDo(jobs[i])) workers.add(i);
        assertEquals(1, workers.size(), what + ": exactly one night does the work; exits " + exit[0] + ", " + exit[1]
                + "\nA: " + jobs[0].stderrTail(15) + "\nB: " + jobs[1].stderrTail(15));
        JobProcess worker = jobs[workers.get(0)], other = jobs[1 - workers.get(0)];
        int otherExit = exit[1 - workers.get(0)];
        String runId = runId(worker);
        String outcome;
        if (otherExit == 0) {
            // it waited for the claim (or came after the first had finished): the lake then has nothing new for it
            assertTrue(nothingToDo(other), what + ": the second night finds nothing to do\n" + other.stdout());
            outcome = "second night waited, then found nothing to do";
        } else {
            assertTrue(refuse, what + ": with a long claim wait the second night waits instead of failing (exit " + otherExit + ")\n"
                    + other.stderrTail(20));
            assertEquals(1, otherExit, other.stderrTail(20));
            String last = SmallNight.failureLine(other);
            Matcher m = REFUSED.matcher(last);
            assertTrue(m.matches(), what + ": one line naming the running night, got: " + last);
            assertEquals(runId, m.group(2), what + ": it names the night that holds the lake");
            assertEquals(String.valueOf(worker.pid()), m.group(4));
            assertFalse(other.stderr().contains("\tat "), what + ": no stack trace without --verbose");
            assertEquals("", other.stdout().strip(), what + ": no summary from a night that did not run");
            outcome = "second night refused: " + last;
        }
        night.assertSameAsClean(spark, lake, what);
        night.assertExportsAsClean(lake, what);
        List<Row> runs = LakeSnapshot.table(spark, lake, LakeSchema.RUNS).where("status <> 'succeeded'").collectAsList();
        assertEquals(List.of(), runs, what + ": every night on the lake ended succeeded (a refused one leaves no row)");
        System.out.printf("two nights: %s: %.0f s; %s%n", what, seconds, outcome);
    }

    private static boolean nothingToDo(JobProcess job) {
        String out = job.stdout();
        // its only commit is its own runs row
        return out.contains("new or changed 0 ") && out.contains("commits   runs=append\n")
                && out.contains("gold tables and exports are current");
    }

    private static String runId(JobProcess job) {
        Matcher m = Pattern.compile("disclosure-lake run (\\S+): ").matcher(job.stdout());
        assertTrue(m.find(), "the working night printed its summary\n" + job.stdout());
        return m.group(1);
    }
}
