package io.disclosurelake.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Report;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every document under {@code golden/<format>/<what-it-tests>.<ext>} against its hand-reviewed
 * {@code <what-it-tests>.expected.json}, compared leaf by leaf (nulls included).
 */
class GoldenFilesTest {
    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenFilesTest.class.getResource("/golden").toURI());
        List<Path> docs;
        try (Stream<Path> s = Files.walk(root)) {
            docs = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
        }
        assertFalse(docs.isEmpty(), "no golden documents");
        return docs.stream().map(doc -> DynamicTest.dynamicTest(root.relativize(doc).toString(), () -> {
            String name = doc.getFileName().toString();
            Path expectedFile = doc.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.json");
            assertTrue(Files.exists(expectedFile), "missing " + expectedFile.getFileName());
            JsonNode expected = ReportJson.parse(Files.readString(expectedFile, StandardCharsets.UTF_8));
            Report r = new Extractor().extract(root.relativize(doc).toString(), Files.readAllBytes(doc));
            List<String> diffs = GoldenJson.differences(expected, ReportJson.toNode(r));
            assertTrue(diffs.isEmpty(), String.join("\n", diffs) + "\nwarnings: " + r.warnings());
        }));
    }
}
