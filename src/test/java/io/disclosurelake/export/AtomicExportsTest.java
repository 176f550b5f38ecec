package io.disclosurelake.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports are written whole or not at all, and "current" is what the disk holds: a write cut by an I/O error (as a
 * full disk cuts it) leaves the previous file under the final name and no temporary file; the manifest tells a
 * cut, changed or missing file, and a lake that moved on, from exports that are current.
 */
class AtomicExportsTest {
    @TempDir Path dir;

    @Test void aWriteCutShortLeavesThePreviousFileAndNoPartialOne() throws Exception {
        Path csv = dir.resolve("rankings-2024-national.csv");
        Files.writeString(csv, "previous night\n");
        IOException full = assertThrows(IOException.class, () -> AtomicFiles.write(csv, f -> {
            try (OutputStream out = Files.newOutputStream(f)) {
                out.write("half of a new fi".getBytes());
                throw new IOException("No space left on device");
            }
        }));
        assertEquals("No space left on device", full.getMessage());
        assertEquals("previous night\n", Files.readString(csv));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(csv), files.toList(), "no temporary file left behind");
        }
        AtomicFiles.write(csv, f -> Files.writeString(f, "whole\n"));
        assertEquals("whole\n", Files.readString(csv));
    }

    @Test void leftoversOfAKilledWriterAreRemoved() throws Exception {
        Files.writeString(dir.resolve(".rankings-2024.html" + AtomicFiles.PARTIAL + "1a-2b"), "cut");
        Files.writeString(dir.resolve("rankings-2024.html"), "kept");
        assertEquals(1, AtomicFiles.removeLeftovers(dir));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("rankings-2024.html")), files.toList());
        }
    }

    @Test void theManifestTellsWholeExportsFromCutOnes() throws Exception {
        Path a = dir.resolve("rankings-2024.html"), b = dir.resolve("rankings-2024.xlsx");
        Files.writeString(a, "<html>…</html>");
        Files.write(b, new byte[]{1, 2, 3, 4});
        Map<String, Long> versions = Map.of("reports", 7L, "rankings", 3L);
        assertTrue(ExportManifest.stale(dir, versions).startsWith("no " + ExportManifest.NAME));
        ExportManifest.write(dir, versions, List.of(a, b));
        assertNull(ExportManifest.stale(dir, versions));
        assertTrue(ExportManifest.stale(dir, Map.of("reports", 8L, "rankings", 3L)).contains("reports is at version 8"));

        Files.write(b, new byte[]{1, 2});
        assertEquals("rankings-2024.xlsx has 2 bytes, 4 were written", ExportManifest.stale(dir, versions));
        Files.write(b, new byte[]{1, 2, 3, 5});
        assertEquals("rankings-2024.xlsx differs from the file written", ExportManifest.stale(dir, versions));
        Files.delete(b);
        assertEquals("rankings-2024.xlsx is missing", ExportManifest.stale(dir, versions));

        ExportManifest.invalidate(dir);
        assertFalse(Files.exists(dir.resolve(ExportManifest.NAME)));
    }

    @Test void aChartIsTheSameSvgEveryTime() throws Exception {
        org.jfree.data.category.DefaultCategoryDataset data = new org.jfree.data.category.DefaultCategoryDataset();
        data.addValue(3, "bodies", "0–5%");
        data.addValue(5, "bodies", "5–10%");
        String first = SvgCharts.greyBar("不公开率分布", data, 440, 160);
        Thread.sleep(5);
        assertEquals(first, SvgCharts.greyBar("不公开率分布", data, 440, 160), "no clock in the clip-path ids");
        assertTrue(first.contains("clip-path='url(#_c"), first);
    }

    @Test void aFixedSourceDateMakesTheClockRepeatable() {
        System.setProperty(ExportClock.PROPERTY, "1764979200");
        try {
            assertEquals(java.time.Instant.parse("2025-12-06T00:00:00Z"), ExportClock.now());
        } finally {
            System.clearProperty(ExportClock.PROPERTY);
        }
    }
}
