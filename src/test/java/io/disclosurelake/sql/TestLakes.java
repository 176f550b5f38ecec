package io.disclosurelake.sql;

import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The lake the notebook, view and dictionary tests query, built once per test JVM in a temporary directory.
 * Hand-made ({@link HandMadeLake}) until the job and the generator are in main.
 */
final class TestLakes {
    private TestLakes() {}

    private static Path lake;

    static synchronized Path lake() {
        if (lake == null) {
            SparkSession spark = TestSpark.session();
            try {
                Path dir = Files.createTempDirectory("disclosure-lake-sql-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete-test-lake"));
                lake = HandMadeLake.build(spark, dir.resolve("lake"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lake;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is not worth failing a test run
        }
    }
}
