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
