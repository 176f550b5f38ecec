package io.disclosurelake.lake;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every command's session reads the same conf/spark-defaults.conf; sql only adds its interactive tuning. */
class LakeSessionTest {

    @TempDir Path dir;

    @Test void theNightAndSqlReadTheSameSparkDefaults() throws Exception {
        Path defaults = dir.resolve("spark-defaults.conf");
        Files.writeString(defaults, """
                spark.sql.session.timeZone   Asia/Shanghai
                spark.hadoop.fs.s3a.endpoint http://minio.local:9000
                spark.sql.shuffle.partitions 8
                """);
        SparkConf night = LakeSession.conf(LakeSession.Profile.NIGHT, defaults, List.of(), null);
        SparkConf sql = LakeSession.conf(LakeSession.Profile.INTERACTIVE, defaults, List.of("spark.app.name=disclosure-lake sql"), null);
        for (SparkConf c : List.of(night, sql)) {
            assertEquals("Asia/Shanghai", c.get("spark.sql.session.timeZone"));
            assertEquals("http://minio.local:9000", c.get("spark.hadoop.fs.s3a.endpoint"));
            assertEquals("io.delta.sql.DeltaSparkSessionExtension", c.get("spark.sql.extensions"));
            assertEquals("127.0.0.1", c.get("spark.driver.bindAddress"));
        }
        assertEquals("8", night.get("spark.sql.shuffle.partitions"));
        assertEquals("local[*]", night.get("spark.master"));
        // sql's tuning for one-table queries at a terminal
        assertEquals("2", sql.get("spark.sql.shuffle.partitions"));
        assertEquals("false", sql.get("spark.sql.codegen.wholeStage"));
        assertEquals("local[2]", sql.get("spark.master"));
        assertEquals("disclosure-lake sql", sql.get("spark.app.name"));
    }

    @Test void theCommandLineWinsOverTheFileAndAMasterGivenIsKept() throws Exception {
        Path defaults = dir.resolve("spark-defaults.conf");
        Files.writeString(defaults, "spark.sql.shuffle.partitions 8\n");
        SparkConf c = LakeSession.conf(LakeSession.Profile.NIGHT, defaults, List.of("spark.sql.shuffle.partitions=3"), "spark://h:7077");
        assertEquals("3", c.get("spark.sql.shuffle.partitions"));
        assertEquals("spark://h:7077", c.get("spark.master"));
        assertFalse(c.contains("spark.driver.bindAddress"), "a cluster driver binds where Spark decides");
    }

    @Test void everySessionInterpretsExpressionsAndUsesTheLocalFileSystemWithoutProcessesUnlessToldOtherwise() throws Exception {
        for (LakeSession.Profile p : LakeSession.Profile.values()) {
            SparkConf c = LakeSession.conf(p, null, List.of(), null);
            assertEquals("NO_CODEGEN", c.get("spark.sql.codegen.factoryMode"));
            assertEquals("false", c.get("spark.sql.codegen.wholeStage"));
            assertEquals(NioLocalFileSystem.class.getName(), c.get("spark.hadoop.fs.file.impl"));
            assertEquals(NioLocalFileSystem.Fs.class.getName(), c.get("spark.hadoop.fs.AbstractFileSystem.file.impl"));
        }
        Path defaults = dir.resolve("spark-defaults.conf");
        Files.writeString(defaults, "spark.hadoop.fs.file.impl org.apache.hadoop.fs.LocalFileSystem\n");
        SparkConf c = LakeSession.conf(LakeSession.Profile.NIGHT, defaults,
                List.of("spark.sql.codegen.factoryMode=FALLBACK", "spark.sql.codegen.wholeStage=true"), null);
        assertEquals("FALLBACK", c.get("spark.sql.codegen.factoryMode"));
        assertEquals("true", c.get("spark.sql.codegen.wholeStage"));
        assertEquals("org.apache.hadoop.fs.LocalFileSystem", c.get("spark.hadoop.fs.file.impl"));
    }

    /** A night may switch to compiled code (CodeGeneration) only where nobody chose the code generation. */
    @Test void theCodeGenerationIsAutomaticOnlyWhenNobodyChoseIt() throws Exception {
        assertEquals("true", LakeSession.conf(LakeSession.Profile.NIGHT, null, List.of(), null).get(CodeGeneration.AUTOMATIC, "false"));
        for (String chosen : List.of("spark.sql.codegen.wholeStage=false", "spark.sql.codegen.factoryMode=NO_CODEGEN")) {
            SparkConf c = LakeSession.conf(LakeSession.Profile.NIGHT, null, List.of(chosen), null);
            assertFalse(c.contains(CodeGeneration.AUTOMATIC), chosen);
        }
        Path defaults = dir.resolve("spark-defaults.conf");
        Files.writeString(defaults, "spark.sql.codegen.wholeStage true\n");
        assertFalse(LakeSession.conf(LakeSession.Profile.NIGHT, defaults, List.of(), null).contains(CodeGeneration.AUTOMATIC));
        // sql's terminal tuning chooses it: no query there switches
        assertFalse(LakeSession.conf(LakeSession.Profile.INTERACTIVE, null, List.of(), null).contains(CodeGeneration.AUTOMATIC));
    }
}
