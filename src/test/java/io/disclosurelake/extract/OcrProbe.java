package io.disclosurelake.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.ocr.ScannedRenders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Manual probe: OcrProbe dpi clean|noisy golden.pdf... — cells right/null/wrong and time per document. */
public class OcrProbe {
    public static void main(String[] a) throws Exception {
        int dpi = Integer.parseInt(a[0]);
        ScannedRenders.Noise noise = a[1].equals("noisy") ? ScannedRenders.Noise.SCANNER : ScannedRenders.Noise.CLEAN;
        OcrAccuracy total = new OcrAccuracy(0, 0, 0, List.of());
        Extractor x = new Extractor(ExtractionLimits.defaults().withTimeout(java.time.Duration.ofSeconds(900))
                .withOcr(io.disclosurelake.read.ocr.OcrSettings.defaults().withTimeLimit(java.time.Duration.ofSeconds(900))));
        for (int i = 2; i < a.length; i++) {
            byte[] pdf = Files.readAllBytes(Path.of(a[i]));
            byte[] scanned = ScannedRenders.imageOnlyPdf(pdf, dpi, noise);
            long t0 = System.nanoTime();
            Report r = x.extract("x.pdf", scanned);
            double s = (System.nanoTime() - t0) / 1e9;
            JsonNode expected = ReportJson.parse(Files.readString(Path.of(a[i].replace(".pdf", ".expected.json"))));
            OcrAccuracy acc = OcrAccuracy.of(expected, r);
            total = total.plus(acc);
            System.out.printf("%s: pages %s, %.1f s, status %s, right %d null %d wrong %d%n", Path.of(a[i]).getFileName(),
                    r.document().pages(), s, r.status(), acc.right(), acc.nulls(), acc.wrong());
            acc.wrongCells().forEach(w -> System.out.println("   WRONG " + w));
            List<String> diffs = GoldenJson.differences(expected, ReportJson.toNode(r));
            diffs.stream().filter(d -> !d.startsWith("/active") && !d.startsWith("/applications") && !d.startsWith("/review") && !d.startsWith("/violations")).forEach(d -> System.out.println("   DIFF " + d));
            if (a.length == 3) System.out.println("   warnings " + r.warnings());
        }
        System.out.printf("TOTAL right %d null %d wrong %d of %d%n", total.right(), total.nulls(), total.wrong(), total.cells());
    }
}
