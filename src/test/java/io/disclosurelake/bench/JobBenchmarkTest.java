package io.disclosurelake.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matrix's job nights take bench's --spark-conf, as the single-night bench does. */
class JobBenchmarkTest {

    @TempDir Path dir;

    @Test void everyJobNightGetsTheExtraSparkSettingsAfterItsOwn() throws Exception {
        JobBenchmark b = new JobBenchmark(dir, dir, "3g", System.err,
                List.of("spark.sql.codegen.factoryMode=FALLBACK", "spark.sql.codegen.wholeStage=true"));
        List<String> cmd = b.command(dir.resolve("docs"), dir.resolve("lake"), 2);
        assertTrue(cmd.contains("-Xmx3g"));
        assertEquals("io.disclosurelake.cli.DisclosureLake", cmd.get(cmd.indexOf("run") - 1));
        assertEquals(List.of("--master", "local[2]", "--spark-conf", "spark.ui.enabled=false",
                "--spark-conf", "spark.sql.codegen.factoryMode=FALLBACK",
                "--spark-conf", "spark.sql.codegen.wholeStage=true"), cmd.subList(cmd.indexOf("--master"), cmd.size()));
    }

    @Test void withoutExtraSettingsTheNightIsAsBefore() throws Exception {
        List<String> cmd = new JobBenchmark(dir, dir, "2g", System.err).command(dir.resolve("docs"), dir.resolve("lake"), 1);
        assertEquals(List.of("--master", "local[1]", "--spark-conf", "spark.ui.enabled=false"),
                cmd.subList(cmd.indexOf("--master"), cmd.size()));
    }
}
