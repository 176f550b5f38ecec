package io.disclosurelake.sql;

import org.apache.spark.sql.SparkSession;

/**
 * The local Delta session of this package's tests, until the job's shared test extension is in main:
 * loopback driver, no UI, 2 shuffle partitions, 1 Delta snapshot partition.
 */
final class TestSpark {
    private TestSpark() {}

    private static SparkSession session;

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().appName("disclosure-lake-sql-tests").master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/disclosure-lake-test-warehouse")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            SparkSession s = session;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop-sql-test-spark"));
        }
        return session;
    }
}
