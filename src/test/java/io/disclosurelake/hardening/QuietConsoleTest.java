package io.disclosurelake.hardening;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator sees of a night (issue 16): on stderr only the progress lines (plain lines when stderr is not
 * a terminal, as in a cron log), no Spark or JVM chatter; the summary on stdout.
 */
@Tag("slow")
class QuietConsoleTest {

    @TempDir Path tmp;

    @Test void aNightPrintsOnlyProgressOnStderrAndTheSummaryOnStdout() throws Exception {
        Path input = tmp.resolve("input");
        Path sample = JobProcess.projectDir().resolve("samples/corpus/docs");
        for (String year : List.of("2023", "2024")) {
            Path to = Files.createDirectories(input.resolve(year));
            try (Stream<Path> files = Files.list(sample.resolve(year))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        try (JobProcess job = JobProcess.run(input, tmp.resolve("lake"))
                .args("--exports", tmp.resolve("exports").toString()).withoutStageMarkers().start()) {
            assertEquals(0, job.waitFor(Duration.ofMinutes(15)), job.stderrTail(40));
            List<String> err = job.stderr().lines().filter(l -> !l.isBlank()).toList();
            assertTrue(err.stream().anyMatch(l -> l.startsWith("progress: ")), "progress is shown: " + err);
            List<String> other = err.stream().filter(l -> !l.startsWith("progress: ")).toList();
            assertEquals(List.of(), other, "stderr holds only progress lines");
            String out = job.stdout();
            assertTrue(out.contains("manifest: "), out);
            assertTrue(out.lines().anyMatch(l -> l.contains("reports")), out);
        }
    }
}
