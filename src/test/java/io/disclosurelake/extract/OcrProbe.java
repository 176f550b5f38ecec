package io.disclosurelake.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.generate.PageScanner;
import io.disclosurelake.generate.ScanProfile;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.ocr.ScannedRenders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Manual probe: {@code OcrProbe DPI|png|jpg|tiff|pdf clean|noisy golden.pdf...} — each golden PDF scanned (a number:
 * rendered at that dpi by the tests' ScannedRenders; a format: the generator's PageScanner output), extracted, and
 * its cells counted right/null/wrong against the golden expected JSON, with the time per document.
 */
public class OcrProbe {
    public static void main(String[] a) throws Exception {
        boolean noisy = a[1].equals("noisy");
        OcrAccuracy total = new OcrAccuracy(0, 0, 0, List.of());
        Extractor x = new Extractor(ExtractionLimits.defaults().withTimeout(java.time.Duration.ofSeconds(900))
                .withOcr(io.disclosurelake.read.ocr.OcrSettings.defaults().withTimeLimit(java.time.Duration.ofSeconds(900))));
        for (int i = 2; i < a.length; i++) {
            byte[] pdf = Files.readAllBytes(Path.of(a[i]));
            String name;
            byte[] scanned;
            if (a[0].chars().allMatch(Character::isDigit)) {
                name = "x.pdf";
                scanned = ScannedRenders.imageOnlyPdf(pdf, Integer.parseInt(a[0]), noisy ? ScannedRenders.Noise.SCANNER : ScannedRenders.Noise.CLEAN);
            } else {
                PageScanner.Output out = generatorOutput(a[0]);
                name = "x." + out.extension;
                scanned = PageScanner.scan(pdf, out, Set.of(), noisy ? ScanProfile.NOISY : ScanProfile.CLEAN, 1).bytes();
            }
            long t0 = System.nanoTime();
            Report r = x.extract(name, scanned);
            double s = (System.nanoTime() - t0) / 1e9;
            JsonNode expected = ReportJson.parse(Files.readString(Path.of(a[i].replace(".pdf", ".expected.json"))));
            OcrAccuracy acc = OcrAccuracy.of(expected, r);
            total = total.plus(acc);
            System.out.printf("%s: pages %s, %.1f s, status %s, right %d null %d wrong %d%n", Path.of(a[i]).getFileName(),
                    r.document().pages(), s, r.status(), acc.right(), acc.nulls(), acc.wrong());
            if (r.isQuarantined()) System.out.println("   QUARANTINED " + r.reason() + ": " + r.message());
            acc.wrongCells().forEach(w -> System.out.println("   WRONG " + w));
            List<String> diffs = GoldenJson.differences(expected, ReportJson.toNode(r));
            diffs.stream().filter(d -> !d.startsWith("/active") && !d.startsWith("/applications") && !d.startsWith("/review") && !d.startsWith("/violations")).forEach(d -> System.out.println("   DIFF " + d));
            if (a.length == 3) System.out.println("   warnings " + r.warnings());
        }
        System.out.printf("TOTAL right %d null %d wrong %d of %d%n", total.right(), total.nulls(), total.wrong(), total.cells());
    }

    /** The generator's scan output named by a probe argument (also used by read/OcrGridProbe). */
    public static PageScanner.Output generatorOutput(String name) {
        return switch (name) {
            case "png" -> PageScanner.Output.PNG;
            case "jpg" -> PageScanner.Output.JPEG;
            case "pdf" -> PageScanner.Output.IMAGE_PDF;
            case "tiff" -> PageScanner.Output.TIFF;
            default -> throw new IllegalArgumentException("a dpi or one of png, jpg, tiff, pdf: " + name);
        };
    }
}
