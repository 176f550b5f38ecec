package io.disclosurelake.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The committed demo corpus is complete and its truths obey exactly their recorded faults. */
class SampleCorpusTest {
    static final Path SAMPLE = Path.of("samples", "corpus");

    @Test
    void everyDocumentHasTruthAndAManifestRowAndItsRecordedFaultsOnly() throws Exception {
        Path docs = SAMPLE.resolve("docs");
        List<String> rels;
        try (Stream<Path> s = Files.walk(docs)) {
            rels = s.filter(Files::isRegularFile).map(p -> docs.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertTrue(rels.size() >= 30, "sample has " + rels.size());
        List<String> manifest = Files.readAllLines(SAMPLE.resolve("manifest.csv"));
        assertEquals(rels.size() + 1, manifest.size());
        ObjectMapper m = new ObjectMapper();
        Set<String> reasons = new TreeSet<>();
        for (String rel : rels) {
            JsonNode t = m.readTree(SAMPLE.resolve("truth").resolve(rel + ".json").toFile());
            if (t.get("status").asText().equals("quarantined")) { reasons.add(t.get("reason").asText()); continue; }
            Set<String> recorded = new TreeSet<>();
            t.get("faults").forEach(f -> recorded.add(f.asText()));
            Set<String> broken = new TreeSet<>(TruthChecker.withinReport(t).broken());
            recorded.removeIf(f -> f.endsWith("CONTINUITY") || f.equals("DUPLICATE_OF_PREVIOUS_YEAR"));
            assertEquals(recorded, broken, rel);
        }
        assertTrue(reasons.size() >= 5, reasons.toString());
    }
}
