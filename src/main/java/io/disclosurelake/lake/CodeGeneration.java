package io.disclosurelake.lake;

import org.apache.spark.sql.SparkSession;

/**
 * Whether Spark interprets a night's expressions and operators or compiles them to Java (Janino). Interpreted is the
 * default ({@link LakeSession#conf}): a small night is hundreds of short queries, each compiled once and run on few
 * rows. A night that reads many documents moves millions of rows through the same plans (two million cells at
 * 10,000 documents), and there compiled code wins: measured in docs/job.md "Compiled code for large nights". The
 * switch applies to the session's later queries only, and only when the code generation is the session's default
 * ({@link #AUTOMATIC}), never over the user's own choice.
 */
public final class CodeGeneration {
    private CodeGeneration() {}

    /** Set by {@link LakeSession#conf} when neither code generation setting was given by the user. */
    public static final String AUTOMATIC = "spark.disclosurelake.codegen.automatic";
    static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";

    /** Whether {@link #compiled} may change this session's code generation. */
    public static boolean automatic(SparkSession spark) {
        return Boolean.parseBoolean(spark.conf().get(AUTOMATIC, "false"));
    }

    /** Whether the session compiles its queries now. */
    public static boolean isCompiled(SparkSession spark) {
        return Boolean.parseBoolean(spark.conf().get(WHOLE_STAGE, "true"))
                && !"NO_CODEGEN".equalsIgnoreCase(spark.conf().get(FACTORY_MODE, "FALLBACK"));
    }

    /** The settings before a switch, put back by {@link Switch#close()}. */
    public record Switch(SparkSession spark, String wholeStage, String factoryMode) implements AutoCloseable {
        @Override public void close() {
            spark.conf().set(WHOLE_STAGE, wholeStage);
            spark.conf().set(FACTORY_MODE, factoryMode);
        }
    }

    /**
     * Compiled code from now on — whole-stage code generation, with the interpreted form only where compiling
     * fails (Spark's FALLBACK) — when the session's choice is automatic; null (nothing changed) otherwise.
     */
    public static Switch compiled(SparkSession spark) {
        if (!automatic(spark)) return null;
        Switch before = new Switch(spark, spark.conf().get(WHOLE_STAGE, "false"), spark.conf().get(FACTORY_MODE, "NO_CODEGEN"));
        spark.conf().set(WHOLE_STAGE, "true");
        spark.conf().set(FACTORY_MODE, "FALLBACK");
        return before;
    }
}
