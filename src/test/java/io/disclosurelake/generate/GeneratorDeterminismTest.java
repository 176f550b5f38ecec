package io.disclosurelake.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** The same seed gives byte-identical truth and the same document content. */
class GeneratorDeterminismTest {
    @TempDir Path tmp;

    @Test
    void sameSeedSameCorpus() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b"), c = tmp.resolve("c");
        new CorpusGenerator(options(a, 7), System.err).run();
        new CorpusGenerator(options(b, 7), System.err).run();
        new CorpusGenerator(options(c, 8), System.err).run();
        List<String> files = files(a);
        assertEquals(files, files(b));
        assertFalse(files.isEmpty());
        for (String f : files) {
            byte[] x = Files.readAllBytes(a.resolve(f)), y = Files.readAllBytes(b.resolve(f));
            if (f.startsWith("docs/") && f.endsWith(".pdf") && x.length > 0) {
                // encrypted PDFs carry a random key: compare their text, everything else byte for byte
                assertEquals(GeneratedCorpusTest.pdfText(a.resolve(f)), GeneratedCorpusTest.pdfText(b.resolve(f)), f);
            } else {
                assertArrayEquals(x, y, f);
            }
        }
        assertNotEquals(Files.readString(a.resolve("manifest.csv")), Files.readString(c.resolve("manifest.csv")));
    }

    private static GeneratorOptions options(Path out, long seed) {
        return new GeneratorOptions(out, 40, seed, java.util.Set.of("pdf", "docx", "html", "xlsx", "txt"), 2019, 2025, 0.2, 0.1, 0.0, 2);
    }

    private static List<String> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
