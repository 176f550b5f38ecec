package io.disclosurelake.hardening;

import org.apache.spark.sql.SparkSession;

/**
 * The test JVM's Spark session for reading the lakes the child jobs write: the shared one of
 * io.disclosurelake.spark.SharedSpark (one session per JVM).
 */
final class LakeSession {
    private LakeSession() {}

    static SparkSession get() { return io.disclosurelake.spark.SharedSpark.session(); }

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
