package io.disclosurelake.spark;

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
            session = SparkSession.builder()
                    .appName("disclosure-lake-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    .config("spark.sql.maxPlanStringLength", "100000")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/disclosure-lake-test-warehouse")
                    .getOrCreate();
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
