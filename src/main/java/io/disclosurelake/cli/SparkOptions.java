package io.disclosurelake.cli;

import io.disclosurelake.lake.LakeSession;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every command that opens the lake shares ({@code --master}, {@code --spark-conf}, {@code --verbose}),
 * and its Spark session from the one builder ({@link LakeSession}: conf/spark-defaults.conf, spark.* system
 * properties, then {@code --spark-conf}). {@code --verbose} is also read before parsing, to set the log level
 * ({@link DisclosureLake#configureLogging}).
 */
final class SparkOptions {
    @Option(names = "--master", description = "Spark master URL when not set by spark-submit (default: local[*])")
    String master;

    @Option(names = "--spark-conf", description = "one Spark setting key=value, over conf/spark-defaults.conf (repeatable)")
    List<String> sparkConf = new ArrayList<>();

    @Option(names = "--verbose", description = "Spark's INFO logging, more detail and stack traces of failures")
    boolean verbose;

    /** The session of {@code command} (named in Spark's application name; null: the default name or spark-submit's). */
    SparkSession session(String command) throws IOException {
        List<String> conf = new ArrayList<>();
        if (command != null) conf.add("spark.app.name=disclosure-lake " + command);
        conf.addAll(sparkConf);
        return LakeSession.create(LakeSession.sparkDefaults(), conf, master);
    }
}
