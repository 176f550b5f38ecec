package io.disclosurelake.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.extract.Extractor;
import io.disclosurelake.read.ocr.OcrSettings;
import io.disclosurelake.generate.CorpusGenerator;
import io.disclosurelake.generate.GeneratorOptions;
import io.disclosurelake.generate.PdfWriter;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Report;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scanned reports (issue 13): the generated corpus printed and scanned clean (200 dpi, lossless) and noisy
 * (150 dpi, skewed 0.5–2°, speckled, blurred, JPEG), as image-only PDFs, PDFs with only the table pages
 * scanned, and PNG/JPEG/TIFF files. Every cell is compared with the truth of the report the scan renders and
 * counted right, null (unreadable or missing: flagged, acceptable in moderation) or wrong (a number that is
 * not the printed one: never acceptable on a clean scan). Asserted: clean ≥ 98% right and 0 wrong; noisy wrong
 * ≤ 0.1% of cells and right at least {@link #NOISY_MIN_RIGHT} (a ratchet; the aim is 90%).
 *
 * <p>Without OCR the extractor quarantines a scan as {@code no_text_layer}: the test then skips (it probes one
 * clean scan first, so skipping costs a second or two). {@code -Dscan.corpus=DIR} measures a corpus made by
 * {@code generate --formats scan,scan-noisy,scan-tables,png,jpg,tiff} instead (documents without a {@code scan}
 * truth field are left out); {@code -Dscan.count=N} sets the size of the corpus made here (default 12 + 6);
 * {@code -Dscan.force=true} measures (and asserts) even when the probe says OCR is missing.
 */
@Tag("ocr")
@Tag("slow") // generates and OCRs a scanned corpus: the full lane (mvn verify)
class ScannedCorpusAccuracyTest {
    static final double CLEAN_MIN_RIGHT = 0.98, NOISY_MAX_WRONG = 0.001;
    /** Issue 13's aim for noisy scans, not reached yet: printed beside the figures until it is. */
    static final double NOISY_AIM_RIGHT = 0.90;
    /**
     * A ratchet below what noisy scans give now (96.5% of cells right, 0 wrong, on the 12 + 6 documents made
     * here): raise it with every recall gain, never lower it. A wrong number fails at once whatever the recall.
     */
    static final double NOISY_MIN_RIGHT = 0.94; // measured 96.5% on 2026-12-06 (79.4%, 44.5% before); raise it as recall grows, never lower it

    @Test
    void scannedReportsAreReadRightOrFlaggedNeverGuessed(@TempDir Path tmp) throws Exception {
        // What is measured is the reading, not the clock: a loaded CI machine must not turn a slow page into a
        // timeout quarantine (one lost report costs ~9% of the noisy cells). The limits themselves are tested apart.
        ExtractionLimits limits = ExtractionLimits.defaults().withTimeout(Duration.ofMinutes(10));
        Extractor extractor = new Extractor(limits.withOcr(new OcrSettings(true, limits.ocr().maxPages(),
                Duration.ofMinutes(9), limits.ocr().threads(), limits.ocr().minConfidence(), limits.ocr().dpi())));
        String external = System.getProperty("scan.corpus");
        List<Path> corpora = new ArrayList<>();
        if (external != null) {
            corpora.add(Path.of(external));
            assumeOcr(extractor, corpora.get(0));
        } else {
            assumeTrue(PdfWriter.available(), "CJK font missing (bin/test installs fonts-wqy-microhei)");
            Path probe = tmp.resolve("probe");
            generate(probe, 1, Set.of("scan"), 20261205L);
            assumeOcr(extractor, probe);
            int n = Integer.getInteger("scan.count", 12);
            // whole-document scans of both profiles, then the mixed and image-file variants
            corpora.add(generate(tmp.resolve("pdf"), n, Set.of("scan", "scan-noisy"), 20261205L));
            corpora.add(generate(tmp.resolve("other"), Math.max(1, n / 2), Set.of("scan-tables", "png", "jpg", "tiff"), 20261206L));
        }

        List<Doc> docs = new ArrayList<>();
        for (Path corpus : corpora) docs.addAll(scannedDocs(corpus));
        List<Read> reads = readAll(extractor, docs);
        Map<String, Tally> byProfile = new TreeMap<>(), byOutput = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (Read read : reads) {
            Doc d = read.doc;
            Report report = read.report;
            double secs = read.seconds;
            JsonNode scan = d.truth.get("scan");
            int pages = scan.get("scanned_pages").size();
            for (Tally t : List.of(byProfile.computeIfAbsent(scan.get("profile").asText(), Tally::new),
                    byOutput.computeIfAbsent(scan.get("profile").asText() + "/" + scan.get("output").asText(), Tally::new))) {
                t.docs++;
                t.pages += pages;
                t.seconds += secs;
                if (Report.QUARANTINED.equals(report.status())) t.quarantined++;
                t.cmp.compareCellsOnly(d.rel, d.truth, report);
            }
            if (Report.QUARANTINED.equals(report.status())) notes.add(d.rel + ": quarantined " + report.reason().id + " " + report.message());
            for (String f : List.of("org", "year"))
                if (!d.truth.path(f).asText().equals(ReportJson.toNode(report).path(f).asText()))
                    notes.add(d.rel + ": " + f + " expected " + d.truth.path(f) + " got " + ReportJson.toNode(report).path(f));
        }
        System.out.println("scanned corpus: cells right / null / wrong per profile (extraction time per scanned page, "
                + Math.min(docs.size(), Runtime.getRuntime().availableProcessors()) + " documents read at once)");
        for (Tally t : byProfile.values()) System.out.println("  " + t);
        for (Tally t : byOutput.values()) System.out.println("    " + t);
        notes.forEach(n -> System.out.println("  " + n));
        for (Tally t : byProfile.values()) t.cmp.wrongCells.stream().limit(30).forEach(w -> System.out.println("  wrong: " + w));

        assertTrue(!byProfile.isEmpty(), "no scanned documents found");
        Tally clean = byProfile.get("clean"), noisy = byProfile.get("noisy");
        if (clean != null) {
            assertTrue(clean.right() >= CLEAN_MIN_RIGHT, "clean scans: " + clean);
            assertTrue(clean.cmp.cellsWrong == 0, "clean scans must have no wrong cell: " + clean.cmp.wrongCells);
        }
        if (noisy != null) {
            if (noisy.right() < NOISY_AIM_RIGHT) {
                System.out.printf(java.util.Locale.ROOT, "noisy scans: %.1f%% of cells right, below the aim of %.0f%% (the rest null, none guessed)%n",
                        100 * noisy.right(), 100 * NOISY_AIM_RIGHT);
            }
            assertTrue(noisy.right() >= NOISY_MIN_RIGHT, "noisy scans fell below the ratchet: " + noisy);
            assertTrue(noisy.wrong() <= NOISY_MAX_WRONG, "noisy scans: " + noisy + " " + noisy.cmp.wrongCells);
        }
    }

    record Read(Doc doc, Report report, double seconds) {}

    /**
     * Every document read, in order, one per core at a time: a document's pages are OCR'd on one thread (the
     * recognizer's automatic count outside the job), so reading them one by one would leave the other cores idle.
     * The extractor holds no state between documents; each thread still gets its own.
     */
    private static List<Read> readAll(Extractor template, List<Doc> docs) throws Exception {
        int threads = Math.max(1, Math.min(docs.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            ThreadLocal<Extractor> own = ThreadLocal.withInitial(() -> new Extractor(template.limits()));
            List<java.util.concurrent.Future<Read>> futures = new ArrayList<>();
            for (Doc d : docs) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    Report report = own.get().extract(d.rel, Files.readAllBytes(d.file));
                    return new Read(d, report, (System.nanoTime() - t0) / 1e9);
                }));
            }
            List<Read> out = new ArrayList<>();
            for (java.util.concurrent.Future<Read> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Skips unless the extractor reads the first whole-page scan of the corpus (i.e. OCR is in). */
    private static void assumeOcr(Extractor extractor, Path corpus) throws Exception {
        List<Doc> docs = scannedDocs(corpus);
        assumeTrue(!docs.isEmpty(), "no scanned documents in " + corpus);
        // a scan of every page: a PDF with text pages besides its scanned tables is read (badly) even without OCR
        Doc first = docs.stream().filter(d -> d.truth.get("scan").get("output").asText().equals("image_pdf"))
                .findFirst().orElse(docs.get(0));
        Report r = extractor.extract(first.rel, Files.readAllBytes(first.file));
        boolean noOcr = Report.QUARANTINED.equals(r.status())
                && (r.reason() == QuarantineReason.NO_TEXT_LAYER || r.reason() == QuarantineReason.UNSUPPORTED_FORMAT);
        if (Boolean.getBoolean("scan.force")) return; // measure anyway: the figures show what is missing
        assumeTrue(!noOcr, "OCR is not available: " + first.rel + " is quarantined as " + (r.reason() == null ? "" : r.reason().id));
    }

    private static Path generate(Path out, int count, Set<String> formats, long seed) throws Exception {
        GeneratorOptions o = new GeneratorOptions(out, count, seed, formats, 2019, 2025, 0.1, 0.0, 0.0,
                Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        new CorpusGenerator(o, new PrintStream(OutputStream.nullOutputStream())).run();
        int pages = 0;
        for (Doc d : scannedDocs(out)) pages += d.truth.get("scan").get("scanned_pages").size();
        System.out.printf(Locale.ROOT, "generated %d scanned documents (%s), %d scanned pages in %.1f s: %.2f s per page%n",
                count, formats, pages, (System.nanoTime() - t0) / 1e9, (System.nanoTime() - t0) / 1e9 / Math.max(1, pages));
        return out;
    }

    record Doc(String rel, Path file, JsonNode truth) {}

    static List<Doc> scannedDocs(Path corpus) throws Exception {
        Path docs = corpus.resolve("docs");
        List<Path> files;
        try (Stream<Path> s = Files.walk(docs)) { files = s.filter(Files::isRegularFile).sorted().toList(); }
        List<Doc> out = new ArrayList<>();
        for (Path f : files) {
            String rel = docs.relativize(f).toString().replace('\\', '/');
            Path t = corpus.resolve("truth").resolve(rel + ".json");
            if (!Files.isRegularFile(t)) continue;
            JsonNode truth = ReportJson.parse(Files.readString(t));
            if (truth.hasNonNull("scan")) out.add(new Doc(rel, f, truth));
        }
        return out;
    }

    /** Figures of one profile (or profile/output). */
    static final class Tally {
        final String name;
        final TruthComparison cmp = new TruthComparison();
        int docs, pages, quarantined;
        double seconds;

        Tally(String name) { this.name = name; }

        double right() { return cmp.cellsRight / (double) Math.max(1, cmp.cellsCompared); }

        double wrong() { return cmp.cellsWrong / (double) Math.max(1, cmp.cellsCompared); }

        @Override public String toString() {
            int n = Math.max(1, cmp.cellsCompared);
            return String.format(Locale.ROOT, "%-22s %3d docs %3d pages: cells %5d right %5d (%.2f%%) null %4d (%.2f%%) wrong %3d (%.3f%%);"
                            + " printed numbers %d right %.2f%%; quarantined %d; %.2f s/page",
                    name, docs, pages, cmp.cellsCompared, cmp.cellsRight, 100.0 * cmp.cellsRight / n, cmp.cellsNull,
                    100.0 * cmp.cellsNull / n, cmp.cellsWrong, 100.0 * cmp.cellsWrong / n, cmp.numbersCompared,
                    100.0 * cmp.numbersRight / Math.max(1, cmp.numbersCompared), quarantined, seconds / Math.max(1, pages));
        }
    }
}
