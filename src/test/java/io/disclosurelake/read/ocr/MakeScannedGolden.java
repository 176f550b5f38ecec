package io.disclosurelake.read.ocr;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Writes a golden file of a partly scanned report: {@code MakeScannedGolden SOURCE.pdf OUT.pdf DPI PAGE...}
 * replaces the listed pages of a golden text PDF by their 200-dpi image (lossless), as a county office that
 * scans the stamped table pages into an otherwise typed report does.
 */
public final class MakeScannedGolden {
    public static void main(String[] a) throws Exception {
        Set<Integer> pages = new java.util.TreeSet<>();
        for (int i = 3; i < a.length; i++) pages.add(Integer.parseInt(a[i]));
        byte[] out = ScannedRenders.partlyScannedPdf(Files.readAllBytes(Path.of(a[0])), Integer.parseInt(a[2]), pages);
        Files.write(Path.of(a[1]), out);
    }
}
