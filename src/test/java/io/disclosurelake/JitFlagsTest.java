package io.disclosurelake;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JIT flags are written twice — conf/jvm.options for the job's JVMs, pom.xml {@code test.jit} for the test JVM
 * (Maven cannot read the first) — and must stay the same list.
 */
class JitFlagsTest {
    @Test
    void theTestJvmCarriesTheJobsJitFlags() throws Exception {
        List<String> job = Files.readAllLines(Path.of("conf", "jvm.options")).stream().map(String::strip)
                .filter(l -> l.startsWith("-XX:Tier")).toList();
        Matcher m = Pattern.compile("<test\\.jit>([^<]*)</test\\.jit>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml defines test.jit");
        List<String> tests = Arrays.stream(m.group(1).strip().split("\\s+")).toList();
        assertFalse(job.isEmpty(), "conf/jvm.options sets the JIT thresholds");
        assertEquals(job, tests, "pom.xml test.jit = the -XX:Tier* lines of conf/jvm.options, in order");
    }
}
