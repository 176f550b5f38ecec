package io.disclosurelake.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.generate.PageScanner;
import io.disclosurelake.generate.ScanProfile;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Manual probe: ImageScanProbe png|jpg|tiff clean|noisy golden.pdf... — the generator's image files, cells right/null/wrong. */
public class ImageScanProbe {
    public static void main(String[] a) throws Exception {
        PageScanner.Output out = switch (a[0]) { case "png" -> PageScanner.Output.PNG; case "jpg" -> PageScanner.Output.JPEG; case "pdf" -> PageScanner.Output.IMAGE_PDF; default -> PageScanner.Output.TIFF; };
        ScanProfile profile = a[1].equals("noisy") ? ScanProfile.NOISY : ScanProfile.CLEAN;
        OcrAccuracy total = new OcrAccuracy(0, 0, 0, List.of());
        Extractor x = new Extractor(ExtractionLimits.defaults().withTimeout(java.time.Duration.ofSeconds(900))
                .withOcr(io.disclosurelake.read.ocr.OcrSettings.defaults().withTimeLimit(java.time.Duration.ofSeconds(900))));
        for (int i = 2; i < a.length; i++) {
            PageScanner.Scanned s = PageScanner.scan(Files.readAllBytes(Path.of(a[i])), out, Set.of(), profile, 1);
            long t0 = System.nanoTime();
            Report r = x.extract("x." + out.extension, s.bytes());
            double sec = (System.nanoTime() - t0) / 1e9;
            JsonNode expected = ReportJson.parse(Files.readString(Path.of(a[i].replace(".pdf", ".expected.json"))));
            OcrAccuracy acc = OcrAccuracy.of(expected, r);
            total = total.plus(acc);
            System.out.printf("%s: pages %s, %.1f s, status %s, right %d null %d wrong %d%n", Path.of(a[i]).getFileName(),
                    r.document().pages(), sec, r.status(), acc.right(), acc.nulls(), acc.wrong());
            if (r.isQuarantined()) System.out.println("   QUARANTINED " + r.reason() + ": " + r.message());
            acc.wrongCells().forEach(w -> System.out.println("   WRONG " + w));
        }
        System.out.printf("TOTAL right %d null %d wrong %d of %d%n", total.right(), total.nulls(), total.wrong(), total.cells());
    }
}
