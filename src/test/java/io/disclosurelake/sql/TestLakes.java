package io.disclosurelake.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lake the notebook, view and dictionary tests query, built once per test JVM in a temporary directory:
 * one built by the real job from a generated corpus ({@link JobBuiltLake}) for the analysts' SQL and the
 * dictionary, and a hand-made one ({@link HandMadeLake}) of known content for tests of exact answers.
 */
final class TestLakes {
    private TestLakes() {}

    private static Path handMade;
    private static Path analysed;

    /** The lake of known content, for tests that check exact answers. */
    static synchronized Path handMade() {
        if (handMade == null) handMade = HandMadeLake.build(TestSpark.session(), tempDir().resolve("lake"));
        return handMade;
    }

    /** The lake the analysts' SQL is checked on: built by the job from a generated corpus. */
    static synchronized Path analysed() {
        if (analysed == null) {
            try {
                analysed = JobBuiltLake.build(TestSpark.session(), tempDir());
            } catch (Exception e) {
                throw new IllegalStateException("the job could not build the test lake", e);
            }
        }
        return analysed;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("disclosure-lake-sql-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> io.disclosurelake.hardening.TempDirs.delete(dir), "delete-test-lake"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
