package io.disclosurelake.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Region;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed report (DOCX exported to one-cell-per-line text) against its hand-checked expected JSON. */
class SeedGoldenTest {
    @Test
    void seedMatchesExpectedEveryLeaf() {
        byte[] bytes = GoldenJson.resource("/real/nanguan_2024_seed.txt");
        long t0 = System.nanoTime();
        Report r = new Extractor().extract("real/nanguan_2024_seed.txt", bytes);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long[] warm = new long[5];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            new Extractor().extract("real/nanguan_2024_seed.txt", bytes);
            warm[i] = (System.nanoTime() - t) / 1_000;
        }
        java.util.Arrays.sort(warm);
        System.out.println("seed extracted in " + ms + " ms (first call in this JVM), warm median " + warm[2] / 1000.0 + " ms");
        JsonNode expected = ReportJson.parse(new String(GoldenJson.resource("/real/nanguan_2024_seed.expected.json"), StandardCharsets.UTF_8));
        JsonNode actual = ReportJson.toNode(r);
        List<String> diffs = GoldenJson.differences(expected, actual);
        assertTrue(diffs.isEmpty(), String.join("\n", diffs) + "\n" + ReportJson.toJson(r));
        assertTrue(GoldenJson.leafCount(expected) >= 202, "expected file walked: " + GoldenJson.leafCount(expected));

        assertEquals(Report.PARSED, r.status(), r.warnings().toString());
        assertEquals("南关区民政局", r.org());
        assertEquals(2024, r.year());
        assertEquals("2021", r.template().id);
        assertEquals(new Region("吉林省", "长春市", "南关区"), r.region());
        assertEquals("body", r.reportScope());
        List<Violation> errors = r.violations().stream().filter(v -> v.severity().equals(Violation.ERROR)).toList();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(64, r.document().sha256().length());
        assertEquals("txt", r.document().format());
    }
}
