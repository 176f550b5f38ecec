package io.disclosurelake.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.extract.Extractor;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.ocr.OcrSettings;
import io.disclosurelake.spec.TemplateSpec;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Manual probe: {@code OcrNullProbe CORPUS [-v]} — extracts every scanned document of a generated corpus and sorts
 * the cells that did not come back right by cause: not found (no grid cell: table or row lost), flagged under
 * ocr.min_confidence, flagged as breaking a sum rule, flagged as unconfirmed by any sum rule (with whether its raw
 * text was in fact right), or read as text that is no number.
 */
public class OcrNullProbe {
    public static void main(String[] a) throws Exception {
        boolean verbose = a.length > 1 && a[1].equals("-v");
        Extractor x = new Extractor(ExtractionLimits.defaults().withTimeout(java.time.Duration.ofSeconds(900))
                .withOcr(OcrSettings.defaults().withTimeLimit(java.time.Duration.ofSeconds(900))));
        Map<String, Integer> causes = new TreeMap<>();
        TruthComparison total = new TruthComparison();
        double secs = 0;
        int pages = 0;
        for (ScannedCorpusAccuracyTest.Doc d : ScannedCorpusAccuracyTest.scannedDocs(Path.of(a[0]))) {
            long t0 = System.nanoTime();
            Report r = x.extract(d.rel(), Files.readAllBytes(d.file()));
            secs += (System.nanoTime() - t0) / 1e9;
            pages += d.truth().get("scan").get("scanned_pages").size();
            TruthComparison one = new TruthComparison();
            one.compareCellsOnly(d.rel(), d.truth(), r);
            total.compareCellsOnly(d.rel(), d.truth(), r);
            System.out.printf(Locale.ROOT, "%s: %s right %d null %d wrong %d of %d%n", d.rel(), r.status(), one.cellsRight, one.cellsNull, one.cellsWrong, one.cellsCompared);
            if (r.isQuarantined()) { causes.merge("quarantined", one.cellsNull, Integer::sum); continue; }
            for (Cell c : r.allCells()) {
                if (c.status() == CellStatus.VALUE || c.status() == CellStatus.BLANK || c.status() == CellStatus.NOT_IN_TEMPLATE) continue;
                BigDecimal want = truth(d.truth(), c);
                String cause;
                if (c.raw() == null) cause = "not found";
                else if (Cell.FLAG_BREAKS_RULE.equals(c.flag())) cause = "breaks rule";
                else if (Cell.FLAG_LOW_CONFIDENCE.equals(c.flag()) && c.confidence() != null && c.confidence() < 0.80) cause = "conf < min";
                else if (Cell.FLAG_LOW_CONFIDENCE.equals(c.flag())) cause = "unconfirmed";
                else cause = "no number";
                boolean rawRight = want != null && c.raw() != null && parses(c.raw(), want);
                causes.merge(cause + (c.raw() == null ? "" : rawRight ? " (raw right)" : " (raw not right)"), 1, Integer::sum);
                if (verbose) System.out.printf(Locale.ROOT, "   %-12s %s %s/%s raw '%s' conf %s want %s%n", cause, c.table(), c.rowKey(), c.columnKey(),
                        c.raw(), c.confidence() == null ? "-" : String.format(Locale.ROOT, "%.3f", c.confidence()), want);
            }
            if (verbose) one.wrongCells.forEach(w -> System.out.println("   WRONG " + w));
        }
        System.out.printf(Locale.ROOT, "TOTAL right %d (%.2f%%) null %d wrong %d of %d; %.2f s/page%n", total.cellsRight,
                100.0 * total.cellsRight / total.cellsCompared, total.cellsNull, total.cellsWrong, total.cellsCompared, secs / Math.max(1, pages));
        causes.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        total.wrongCells.forEach(w -> System.out.println("  WRONG " + w));
        System.exit(0);
    }

    private static boolean parses(String raw, BigDecimal want) {
        try { return new BigDecimal(raw.replace(",", "").strip()).compareTo(want) == 0; } catch (NumberFormatException e) { return false; }
    }

    /** The truth's value of the cell's address, or null. */
    private static BigDecimal truth(JsonNode t, Cell c) {
        JsonNode n = t.path(c.table().equals(TemplateSpec.ACTIVE_TABLE) ? "active" : c.table());
        if (c.table().equals(TemplateSpec.APPLICATIONS_TABLE)) {
            for (String k : c.rowKey().split("\\.")) n = n.path(k);
            n = n.path(TemplateSpec.applicantColumnKeys().indexOf(c.columnKey()));
        } else if (c.table().equals(TemplateSpec.REVIEW_TABLE)) {
            n = n.path(TemplateSpec.reviewColumnKeys().indexOf(c.columnKey()));
        } else {
            n = n.path(c.rowKey());
        }
        return n.isNumber() ? n.decimalValue() : null;
    }
}
