package io.disclosurelake.cli;

import io.disclosurelake.job.JobSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** run stops before any Spark session, extraction or table, with one line naming what is wrong. */
class RunPreflightTest {
    @TempDir Path tmp;

    /** Runs `run ARGS` in this JVM; returns exit code and stderr. */
    private record Result(int code, String err) {}

    private Result run(String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            long t0 = System.nanoTime();
            int code = DisclosureLake.commandLine().execute(args);
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "fails fast");
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(before);
        }
    }

    private void assertOneLine(Result r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void badArgumentsAndSettingsAreOneLineEachAndLeaveNoLake() throws Exception {
        Path lake = tmp.resolve("lake");
        Path file = Files.writeString(tmp.resolve("a.pdf"), "x");
        Path input = Files.createDirectories(tmp.resolve("in"));
        assertOneLine(run("run", "--lake", lake.toString()), "--input DIR is required");
        assertOneLine(run("run", "--input", file.toString(), "--lake", lake.toString()), "is a file, not a directory");
        assertOneLine(run("run", "--input", tmp.resolve("gone").toString(), "--lake", lake.toString()), "does not exist");
        assertOneLine(run("run", "--input", input.toString(), "--lake", lake.toString(), "--set", "limits.timeout_seconds=abc"),
                "setting limits.timeout_seconds=abc is not a whole number");
        assertOneLine(run("run", "--input", input.toString(), "--lake", lake.toString(), "--set", "limits.max_pages=-3"),
                "setting limits.max_pages=-3 must be at least 1");
        assertOneLine(run("run", "--input", input.toString(), "--lake", lake.toString(), "--set", "limits.timeot=3"),
                "unknown setting limits.timeot");
        assertOneLine(run("run", "--input", input.toString(), "--lake", file.resolve("lake").toString()), "is a file");
        assertOneLine(run("run", "--input", input.toString(), "--lake", "hdfs://namenode:8020/lake"), "give --exports DIR");
        assertOneLine(run("run", "--input", input.toString(), "--lake", lake.toString(), "--manifest", tmp.resolve("m.csv").toString()),
                "manifest " + tmp.resolve("m.csv") + " is not a file");
        assertFalse(Files.exists(lake), "no lake for a night that cannot run");
    }

    /** The rest of docs/job.md's table "Bad arguments and settings": each one line and exit 2, no lake. */
    @Test
    void everySettingIsCheckedBeforeTheNight() throws Exception {
        Path lake = tmp.resolve("lake");
        Path input = Files.createDirectories(tmp.resolve("in"));
        String[] base = {"run", "--input", input.toString(), "--lake", lake.toString()};
        assertOneLine(run(concat(base, "--set", "limits.max_bytes=-5")), "setting limits.max_bytes=-5 must be at least 1 (bytes)");
        assertOneLine(run(concat(base, "--set", "limits.max_bytes")), "limits.max_bytes");
        assertOneLine(run(concat(base, "--set", "job.claim_wait_seconds=soon")),
                "setting job.claim_wait_seconds=soon is not a whole number (seconds)");
        assertOneLine(run(concat(base, "--set", "job.claim_wait_seconds=-1")), "setting job.claim_wait_seconds=-1 must be at least 0");
        assertOneLine(run(concat(base, "--set", "ocr.threads=-1")), "setting ocr.threads=-1 must be at least 0 (threads; 0 = automatic)");
        assertOneLine(run(concat(base, "--set", "input.follow_links_outside=yes")),
                "setting input.follow_links_outside=yes is not true or false");
        assertOneLine(run(concat(base, "--set", "ocr.min_confidence=80")), "setting ocr.min_confidence=80 must lie between 0 and 1");
        assertOneLine(run(concat(base, "--set", "ocr.min_confidence=high")), "setting ocr.min_confidence=high is not a number");
        assertOneLine(run(concat(base, "--set", "copies.threshold=0")), "setting copies.threshold=0 must be above 0 and at most 1");
        assertOneLine(run(concat(base, "--set", "copies.min_reports_per_year=0")), "setting copies.min_reports_per_year=0 must be at least 1 (narratives)");
        assertOneLine(run(concat(base, "--conf", tmp.resolve("none.properties").toString())), "settings file " + tmp.resolve("none.properties") + " (--conf) is not a file");
        assertOneLine(run(concat(base, "--master", "bogus://x")), "--master bogus://x is not a Spark master URL");
        for (String ok : new String[]{"local", "local[2]", "local[*]", "local[4,2]", "spark://h:7077", "yarn", "k8s://https://h:6443"}) {
            Preflight.checkMaster(ok);
        }
        assertFalse(Files.exists(lake), "no lake for a night that cannot run");
    }

    /** A lake or exports directory where nothing can be created (Linux's /proc refuses new files, even to root). */
    @Test
    void unwritableLakeOrExports() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        Path input = Files.createDirectories(tmp.resolve("in"));
        assertOneLine(run("run", "--input", input.toString(), "--lake", "/proc/dl-lake"), "lake /proc/dl-lake cannot be written (/proc is not writable): ");
        assertOneLine(run("run", "--input", input.toString(), "--lake", tmp.resolve("lake").toString(), "--exports", "/proc/dl-exports"),
                "exports /proc/dl-exports cannot be written");
        // on a remote lake exports.dir given as a setting stands for --exports, and is checked the same way
        assertOneLine(run("run", "--input", input.toString(), "--lake", "hdfs://namenode:8020/lake", "--set", "exports.dir=/proc/dl-exports"),
                "exports /proc/dl-exports cannot be written");
        assertFalse(Files.exists(tmp.resolve("lake")));
    }

    /** An input directory the job cannot list (not testable as root, who reads any directory). */
    @Test
    void unreadableInput() throws Exception {
        Path input = Files.createDirectories(tmp.resolve("locked"));
        Files.setPosixFilePermissions(input, java.util.Set.of());
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(input), "this user reads any directory (root)");
            assertOneLine(run("run", "--input", input.toString(), "--lake", tmp.resolve("lake").toString()),
                    "input " + input + " cannot be read (permissions)");
        } finally {
            Files.setPosixFilePermissions(input, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void oneManifestRuleForDirAndDirDocs() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path docs = Files.createDirectories(corpus.resolve("docs"));
        Files.writeString(corpus.resolve("manifest.csv"), "path,first_seen\n");
        for (Path input : new Path[]{corpus, docs}) {
            RunCommand c = new RunCommand();
            c.input = input.toString();
            JobSettings s = c.settings();
            assertEquals(docs.toString(), Path.of(s.input()).toString());
            assertEquals(corpus.resolve("manifest.csv").toAbsolutePath().normalize(), Path.of(s.manifest()).toAbsolutePath().normalize());
            assertEquals("found", c.manifestSource);
        }
        RunCommand none = new RunCommand();
        none.input = Files.createDirectories(tmp.resolve("plain")).toString();
        assertNull(none.settings().manifest());
        assertNull(none.manifestSource);
    }

    @Test
    void generateKeepsAnExistingCorpusManifest() throws Exception {
        Files.writeString(tmp.resolve("manifest.csv"), "path\n");
        Result r = run("generate", "--out", tmp.toString(), "--count", "1");
        assertOneLine(r, "already holds a corpus");
        assertEquals("path\n", Files.readString(tmp.resolve("manifest.csv")));
    }
}
