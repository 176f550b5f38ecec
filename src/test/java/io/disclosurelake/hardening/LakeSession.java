package io.disclosurelake.hardening;

import org.apache.spark.sql.SparkSession;

/**
 * The test JVM's Spark session for reading the lakes the child jobs write. {@code getOrCreate} joins the
 * shared session (io.disclosurelake.spark.SharedSpark) when another test class already started it, and starts
 * one with the same settings otherwise: one session per JVM either way.
 */
final class LakeSession {
    private LakeSession() {}

    static synchronized SparkSession get() {
        return SparkSession.builder()
                .appName("disclosure-lake-tests")
                .master("local[2]")
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
    }

    /** True once the nightly job is on the class path (it is built by another work package). */
    static boolean jobAvailable() {
        try {
            Class.forName("io.disclosurelake.job.NightlyJob");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
