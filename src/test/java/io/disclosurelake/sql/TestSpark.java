package io.disclosurelake.sql;

import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.SparkSession;

/** The test JVM's one local Delta session ({@link SharedSpark}). */
final class TestSpark {
    private TestSpark() {}

    static SparkSession session() {
        return SharedSpark.session();
    }
}
