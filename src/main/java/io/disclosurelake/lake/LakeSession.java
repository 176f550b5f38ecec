package io.disclosurelake.lake;

import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

/**
 * The one builder of the project's SparkSessions: {@code run}, {@code rank}, {@code sql} (in place and resident),
 * {@code bench} and the lake comparison all start theirs here, so every command reads the same settings. They come,
 * weakest first, from conf/spark-defaults.conf (bin launcher only), whatever spark-submit put in the system
 * properties, then --spark-conf. The master is never hard-coded: local[*] only when neither spark-submit nor
 * --master gives one; local runs bind to loopback.
 */
public final class LakeSession {
    private LakeSession() {}

    /** What the session is for: a night (and rank, bench) or interactive queries. */
    public enum Profile {
        NIGHT,
        /**
         * {@code sql}: the same settings (code generation off, as for every profile: {@link #conf}), then a few tuned
         * for one-table queries answered at a terminal (two shuffle partitions and one snapshot partition start
         * faster). {@code -Dspark.sql.codegen.wholeStage=true} restores whole-stage code generation.
         */
        INTERACTIVE
    }

    /** conf/ of the installation ($DISCLOSURE_LAKE_HOME/conf, else ./conf), or null when there is none. */
    public static java.nio.file.Path confDir() {
        String home = System.getenv("DISCLOSURE_LAKE_HOME");
        java.nio.file.Path dir = home != null ? java.nio.file.Path.of(home, "conf") : java.nio.file.Path.of("conf");
        return Files.isDirectory(dir) ? dir : null;
    }

    /** conf/spark-defaults.conf of the installation, or null. */
    public static java.nio.file.Path sparkDefaults() {
        java.nio.file.Path dir = confDir();
        return dir == null ? null : dir.resolve("spark-defaults.conf");
    }

    public static SparkSession create(java.nio.file.Path sparkDefaults, List<String> sparkConf, String master) throws IOException {
        return create(Profile.NIGHT, sparkDefaults, sparkConf, master);
    }

    public static SparkSession create(Profile profile, java.nio.file.Path sparkDefaults, List<String> sparkConf, String master)
            throws IOException {
        SparkSession spark = SparkSession.builder().config(conf(profile, sparkDefaults, sparkConf, master)).getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("disclosurelake.logLevel", "WARN"));
        if (System.getProperty("disclosurelake.logLevel") == null) {
            // Warnings that are expected here and say nothing to the user: long plan strings cut for the log,
            // locally checkpointed RDDs (the job cuts lineage on purpose), UPDATE without row statistics.
            for (String logger : List.of("org.apache.spark.sql.catalyst.util", "org.apache.spark.rdd.MapPartitionsRDD",
                    "org.apache.spark.sql.delta.commands.UpdateCommand")) {
                org.apache.logging.log4j.core.config.Configurator.setLevel(logger, org.apache.logging.log4j.Level.ERROR);
            }
        }
        return spark;
    }

    /** The settings of a session, without starting it (see {@link #create}). */
    public static SparkConf conf(Profile profile, java.nio.file.Path sparkDefaults, List<String> sparkConf, String master)
            throws IOException {
        SparkConf conf = new SparkConf(); // loads spark.* system properties (spark-submit)
        if (sparkDefaults != null && Files.isRegularFile(sparkDefaults)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(sparkDefaults, StandardCharsets.UTF_8)) { p.load(r); }
            for (String k : p.stringPropertyNames()) conf.setIfMissing(k, p.getProperty(k).trim());
        }
        if (profile == Profile.INTERACTIVE) {
            conf.set("spark.sql.shuffle.partitions", System.getProperty("spark.sql.shuffle.partitions", "2"));
            conf.set("spark.databricks.delta.snapshotPartitions",
                    System.getProperty("spark.databricks.delta.snapshotPartitions", "1"));
            conf.set(CodeGeneration.WHOLE_STAGE, System.getProperty(CodeGeneration.WHOLE_STAGE, "false"));
            conf.set("spark.ui.showConsoleProgress", "false");
            if (master == null && !conf.contains("spark.master")) master = "local[2]";
        }
        for (String kv : sparkConf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--spark-conf expects key=value, got " + kv);
            conf.set(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        if (master != null) conf.setMaster(master);
        conf.setIfMissing("spark.master", "local[*]");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        conf.setIfMissing("spark.app.name", "disclosure-lake");
        conf.setIfMissing("spark.sql.maxPlanStringLength", "100000");
        conf.setIfMissing("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        conf.setIfMissing("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        // Spark's expressions and operators interpreted, not compiled to Java by Janino: a night is hundreds of short
        // queries over small tables, and compiling them was a fifth of a small night's CPU (811 compilations, 22 s of
        // about 115 s on the 48-document sample's first night). Measured in docs/job.md "Interpreted, not compiled";
        // --spark-conf spark.sql.codegen.factoryMode=FALLBACK --spark-conf spark.sql.codegen.wholeStage=true restores it.
        // A night that reads many documents switches to compiled code for its rest (lake/CodeGeneration) — unless
        // the code generation was chosen here, by conf/spark-defaults.conf or --spark-conf.
        if (!conf.contains(CodeGeneration.WHOLE_STAGE) && !conf.contains(CodeGeneration.FACTORY_MODE)) {
            conf.set(CodeGeneration.AUTOMATIC, "true");
        }
        conf.setIfMissing(CodeGeneration.WHOLE_STAGE, "false");
        conf.setIfMissing(CodeGeneration.FACTORY_MODE, "NO_CODEGEN");
        // A local lake's files without a chmod/readlink process each (lake/NioLocalFileSystem).
        conf.setIfMissing("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
        conf.setIfMissing("spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFileSystem.Fs.class.getName());
        return conf;
    }

    /** A path with no scheme made absolute on the default file system, so executors elsewhere find it. */
    public static String qualify(SparkSession spark, String path) throws IOException {
        if (path == null || path.isEmpty()) return path;
        Path p = new Path(path);
        return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
    }
}
