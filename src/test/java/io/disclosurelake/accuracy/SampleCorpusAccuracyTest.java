package io.disclosurelake.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.extract.Extractor;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Report;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed demo corpus (samples/corpus, made by `generate`): every document equals its truth. */
class SampleCorpusAccuracyTest {
    @Test
    void everyDocumentOfTheSampleCorpusEqualsItsTruth() throws Exception {
        Path corpus = Path.of("samples/corpus");
        TruthComparison cmp = compareCorpus(corpus);
        System.out.printf("sample corpus: cells right %d / %d%n", cmp.cellsRight, cmp.cellsCompared);
        cmp.mismatches.forEach(System.out::println);
        assertTrue(cmp.cellsCompared > 1000, "the sample corpus has table values to compare");
        assertEquals(List.of(), cmp.mismatches);
    }

    static TruthComparison compareCorpus(Path corpus) throws Exception {
        Path docs = corpus.resolve("docs");
        Extractor extractor = new Extractor();
        TruthComparison cmp = new TruthComparison();
        List<Path> files;
        try (Stream<Path> s = Files.walk(docs)) { files = s.filter(Files::isRegularFile).sorted().toList(); }
        for (Path f : files) {
            String rel = docs.relativize(f).toString();
            JsonNode truth = ReportJson.parse(Files.readString(corpus.resolve("truth").resolve(rel + ".json")));
            Report report = extractor.extract(rel, Files.readAllBytes(f));
            cmp.compare(rel, truth, report);
        }
        return cmp;
    }
}
