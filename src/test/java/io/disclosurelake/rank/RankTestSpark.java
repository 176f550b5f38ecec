package io.disclosurelake.rank;

import io.disclosurelake.spark.SharedSpark;
import org.apache.spark.sql.SparkSession;

/** The ranking tests' session: the one shared local Delta session of the test JVM. */
public final class RankTestSpark {
    private RankTestSpark() {}

    public static SparkSession session() { return SharedSpark.session(); }
}
