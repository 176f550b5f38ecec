package io.disclosurelake.rank;

import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for the ranking tests (loopback driver, no UI, 2 shuffle partitions, Delta).
 * To be replaced by the job's shared JUnit extension once it lands.
 */
public final class RankTestSpark {
    private RankTestSpark() {}

    private static SparkSession session;

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("rank-tests")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                    .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
