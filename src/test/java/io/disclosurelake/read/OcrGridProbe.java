package io.disclosurelake.read;

import io.disclosurelake.read.ocr.ScannedRenders;
import java.nio.file.Files;
import java.nio.file.Path;

/** Manual probe: prints the OCR grid of a rendered golden PDF. */
public class OcrGridProbe {
    public static void main(String[] a) throws Exception {
        byte[] pdf = Files.readAllBytes(Path.of(a[0]));
        ScannedRenders.Noise noise = a.length > 2 && a[2].equals("noisy") ? ScannedRenders.Noise.SCANNER : ScannedRenders.Noise.CLEAN;
        byte[] scanned = ScannedRenders.imageOnlyPdf(pdf, Integer.parseInt(a[1]), noise);
        long t0 = System.nanoTime();
        Grid g = new PdfReader().read(scanned, ReadLimits.defaults());
        System.out.println("pages " + g.pages() + " seconds " + (System.nanoTime() - t0) / 1e9);
        for (Grid.Block b : g.blocks()) {
            if (b instanceof Grid.Paragraph p) System.out.println("P" + p.page() + ": " + p.text());
            else if (b instanceof Grid.Table t) {
                for (var row : t.rows()) {
                    StringBuilder sb = new StringBuilder("  |");
                    for (var c : row) if (!c.continuation()) sb.append(c.text()).append(String.format("(%.2f)|", c.confidence()));
                    System.out.println(sb);
                }
            }
        }
    }
}
