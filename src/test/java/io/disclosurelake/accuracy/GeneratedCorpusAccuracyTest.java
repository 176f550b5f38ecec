package io.disclosurelake.accuracy;

import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A freshly generated corpus in every format and quirk, including PDFs, DOC and HTML made by LibreOffice
 * (a producer other than our own writers): every cell equals the truth, blanks are null, every injected
 * per-report fault is found with its rule id and nothing else is. Set {@code -Daccuracy.corpus=DIR} to run
 * it over an existing corpus instead.
 */
@Tag("slow") // generates 160 documents in every format, LibreOffice converts some: the full lane (mvn verify)
class GeneratedCorpusAccuracyTest {
    @Test
    void everyGeneratedDocumentEqualsItsTruth(@TempDir Path tmp) throws Exception {
        String external = System.getProperty("accuracy.corpus");
        Path corpus = external != null ? Path.of(external) : tmp.resolve("corpus");
        if (external == null) {
            GeneratorOptions o = new GeneratorOptions(corpus, 160, 20261126L,
                    Set.of("pdf", "docx", "doc", "html", "xlsx", "txt"), 2019, 2025, 0.15, 0.05, 0.3,
                    Runtime.getRuntime().availableProcessors());
            new CorpusGenerator(o, new PrintStream(OutputStream.nullOutputStream())).run();
        }
        TruthComparison cmp = SampleCorpusAccuracyTest.compareCorpus(corpus);
        System.out.printf("generated corpus: cells right %d / %d (%.3f%%)%n", cmp.cellsRight, cmp.cellsCompared,
                100.0 * cmp.cellsRight / Math.max(1, cmp.cellsCompared));
        cmp.mismatches.forEach(System.out::println);
        assertTrue(cmp.cellsCompared > 5000);
        assertEquals(List.of(), cmp.mismatches);
    }
}
