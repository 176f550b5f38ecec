package io.disclosurelake.spark;

import io.disclosurelake.lake.LakeSession;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local SparkSession (with Delta) for the whole test JVM: a session takes seconds to start, so every test
 * class that needs Spark shares this one. Use {@code @ExtendWith(SharedSpark.class)} and take a
 * {@code SparkSession} parameter, or call {@link #session()}. The session is stopped when the JVM exits.
 * Small settings keep Delta round trips short (stack.md): no UI, 2 shuffle partitions, 1 snapshot partition.
 */
public final class SharedSpark implements BeforeAllCallback, ParameterResolver {
    private static SparkSession session;

    public static synchronized SparkSession session() {
        if (session == null) {
            // The project's one session builder (lake/LakeSession), so tests run with the night's settings
            // (interpreted expressions, the local file system without processes); small settings keep Delta round
            // trips short (stack.md).
            org.apache.spark.SparkConf conf;
            try {
                conf = LakeSession.conf(LakeSession.Profile.NIGHT, null, java.util.List.of(
                        "spark.app.name=disclosure-lake-tests",
                        "spark.ui.enabled=false",
                        "spark.sql.shuffle.partitions=2",
                        "spark.default.parallelism=2",
                        "spark.databricks.delta.snapshotPartitions=1",
                        "spark.sql.warehouse.dir=" + System.getProperty("java.io.tmpdir") + "/disclosure-lake-test-warehouse"),
                        "local[2]");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            session = SparkSession.builder().config(conf).getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            SparkSession s = session;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop-shared-spark"));
        }
        return session;
    }

    @Override public void beforeAll(ExtensionContext context) { session(); }

    @Override public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == SparkSession.class;
    }

    @Override public Object resolveParameter(ParameterContext p, ExtensionContext e) { return session(); }
}
