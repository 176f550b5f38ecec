package io.disclosurelake.read;

import io.disclosurelake.extract.OcrProbe;
import io.disclosurelake.generate.PageScanner;
import io.disclosurelake.generate.ScanProfile;
import io.disclosurelake.read.ocr.ScannedRenders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Manual probe: {@code OcrGridProbe DPI|png|jpg|tiff|pdf|as-is clean|noisy golden.pdf [out-file]} — prints the OCR grid of
 * a golden PDF scanned as {@link OcrProbe} scans it (as-is: a scanned file read as it is) (and writes the scan to out-file if given).
 */
public class OcrGridProbe {
    public static void main(String[] a) throws Exception {
        boolean noisy = a[1].equals("noisy");
        byte[] pdf = Files.readAllBytes(Path.of(a[2]));
        boolean asIs = a[0].equals("as-is"); // a scan made already (a generated corpus's document): read as it is
        boolean rendered = a[0].chars().allMatch(Character::isDigit);
        PageScanner.Output out = rendered || asIs && a[2].endsWith(".pdf") ? PageScanner.Output.IMAGE_PDF
                : asIs ? PageScanner.Output.PNG : OcrProbe.generatorOutput(a[0]);
        byte[] scanned = asIs ? pdf : rendered
                ? ScannedRenders.imageOnlyPdf(pdf, Integer.parseInt(a[0]), noisy ? ScannedRenders.Noise.SCANNER : ScannedRenders.Noise.CLEAN)
                : PageScanner.scan(pdf, out, Set.of(), noisy ? ScanProfile.NOISY : ScanProfile.CLEAN, 1).bytes();
        if (a.length > 3) Files.write(Path.of(a[3]), scanned);
        long t0 = System.nanoTime();
        Grid g = out == PageScanner.Output.IMAGE_PDF ? new PdfReader().read(scanned, ReadLimits.defaults())
                : new ImageReader().read(scanned, ReadLimits.defaults());
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
