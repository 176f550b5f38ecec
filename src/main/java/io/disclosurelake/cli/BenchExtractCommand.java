package io.disclosurelake.cli;

import io.disclosurelake.extract.Extractor;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.DocumentFormat;
import io.disclosurelake.read.FormatSniffer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Single-threaded extractor throughput per format on a corpus, with PDFBox's plain {@link PDFTextStripper}
 * on the same PDFs as the floor: extraction can hardly be faster than reading the text once.
 */
@Command(name = "bench-extract", mixinStandardHelpOptions = true,
        description = "Benchmarks the extractor per format (documents/second, one thread) against plain PDFTextStripper, and OCR (pages/second, 1 and 2 threads).")
public final class BenchExtractCommand implements Callable<Integer> {
    @Option(names = "--corpus", required = true, description = "a folder of documents (a generated corpus: its docs/ is used)")
    Path corpus;

    @Option(names = "--rounds", defaultValue = "2", description = "timed rounds after one warm-up round (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--max-per-format", defaultValue = "300", description = "documents per format at most (default ${DEFAULT-VALUE})")
    int maxPerFormat;

    @Option(names = "--ocr-docs", defaultValue = "2",
            description = "text PDFs of the corpus rendered to image-only PDFs (200 dpi) to time OCR, 0 = none (default ${DEFAULT-VALUE})")
    int ocrDocs;

    record Doc(String path, byte[] bytes) {}

    @Override public Integer call() throws Exception {
        Path docs = Files.isDirectory(corpus.resolve("docs")) ? corpus.resolve("docs") : corpus;
        Map<String, List<Doc>> byFormat = new TreeMap<>();
        try (Stream<Path> files = Files.walk(docs)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                byte[] bytes = Files.readAllBytes(p);
                DocumentFormat f = FormatSniffer.sniff(bytes, p.getFileName().toString());
                List<Doc> list = byFormat.computeIfAbsent(f.id, k -> new ArrayList<>());
                if (list.size() < maxPerFormat) list.add(new Doc(docs.relativize(p).toString(), bytes));
            }
        }
        Extractor extractor = new Extractor();
        System.out.printf("%-8s %6s %10s %12s %10s %14s%n", "format", "docs", "parsed", "docs/s", "ms/doc", "floor docs/s");
        long allDocs = 0;
        double allSeconds = 0;
        for (Map.Entry<String, List<Doc>> e : byFormat.entrySet()) {
            List<Doc> list = e.getValue();
            int parsed = 0;
            for (Doc d : list) extractor.extract(d.path(), d.bytes()); // warm-up
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                parsed = 0;
                for (Doc d : list) {
                    Report rep = extractor.extract(d.path(), d.bytes());
                    if (!rep.isQuarantined()) parsed++;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double perSecond = list.size() * rounds / seconds;
            allDocs += (long) list.size() * rounds;
            allSeconds += seconds;
            String floor = e.getKey().equals(DocumentFormat.PDF.id) ? String.format("%14.1f", plainTextFloor(list)) : String.format("%14s", "-");
            System.out.printf("%-8s %6d %10d %12.1f %10.1f %s%n", e.getKey(), list.size(), parsed, perSecond,
                    1000.0 / perSecond, floor);
        }
        System.out.printf("all      %6d %10s %12.1f %10.1f%n", allDocs / Math.max(1, rounds), "", allDocs / allSeconds,
                1000.0 * allSeconds / Math.max(1, allDocs));
        if (ocrDocs > 0) benchOcr(byFormat.getOrDefault(DocumentFormat.PDF.id, List.of()));
        return 0;
    }

    /**
     * OCR pages/second: the first {@code --ocr-docs} PDFs of the corpus rendered to image-only PDFs (a scan of
     * each page at 200 dpi) and extracted one after another on one thread, then two at a time on two threads
     * (ONNX Runtime with one intra-op thread per recognition in both).
     */
    private void benchOcr(List<Doc> pdfs) throws Exception {
        List<Doc> scans = new ArrayList<>();
        int pages = 0;
        for (Doc d : pdfs) {
            if (scans.size() >= ocrDocs) break;
            byte[] scan = scanned(d.bytes());
            if (scan == null) continue;
            scans.add(new Doc(d.path(), scan));
        }
        if (scans.isEmpty()) { System.out.println("ocr: no PDF in the corpus to render"); return; }
        Extractor extractor = new Extractor(io.disclosurelake.extract.ExtractionLimits.defaults()
                .withTimeout(java.time.Duration.ofMinutes(30))
                .withOcr(io.disclosurelake.read.ocr.OcrSettings.defaults().withTimeLimit(java.time.Duration.ofMinutes(30))));
        extractor.extract(scans.get(0).path(), scans.get(0).bytes()); // warm-up: loads the model
        int parsed = 0;
        long t0 = System.nanoTime();
        for (Doc d : scans) {
            Report r = extractor.extract(d.path(), d.bytes());
            if (!r.isQuarantined()) parsed++;
            if (r.document().pages() != null) pages += r.document().pages();
        }
        double one = (System.nanoTime() - t0) / 1e9;
        System.out.printf("ocr      %6d docs, %d scanned pages, %d parsed: 1 thread %.2f pages/s (%.1f s/page)%n",
                scans.size(), pages, parsed, pages / one, one / Math.max(1, pages));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            long t1 = System.nanoTime();
            List<java.util.concurrent.Future<Report>> fs = new ArrayList<>();
            for (Doc d : scans) fs.add(pool.submit(() -> extractor.extract(d.path(), d.bytes())));
            for (java.util.concurrent.Future<Report> f : fs) f.get();
            double two = (System.nanoTime() - t1) / 1e9;
            System.out.printf("ocr      2 threads %.2f pages/s%n", pages / two);
        } finally {
            pool.shutdown();
        }
    }

    /** An image-only copy of a PDF: each page rendered at 200 dpi, as a scanner gives it; null if unreadable. */
    static byte[] scanned(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf); PDDocument out = new PDDocument();
             java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream()) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                java.awt.image.BufferedImage img = renderer.renderImageWithDPI(i, 200, org.apache.pdfbox.rendering.ImageType.GRAY);
                org.apache.pdfbox.pdmodel.common.PDRectangle size =
                        new org.apache.pdfbox.pdmodel.common.PDRectangle(img.getWidth() * 72f / 200, img.getHeight() * 72f / 200);
                org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(size);
                out.addPage(page);
                var x = org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(out, img);
                try (var cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(out, page)) {
                    cs.drawImage(x, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            out.save(bytes);
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Documents/second of PDFBox's plain text extraction on the same PDFs (one thread, after a warm-up). */
    private double plainTextFloor(List<Doc> pdfs) throws IOException {
        for (Doc d : pdfs) plainText(d.bytes());
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) for (Doc d : pdfs) plainText(d.bytes());
        return pdfs.size() * rounds / ((System.nanoTime() - t0) / 1e9);
    }

    private static void plainText(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            // bad PDFs of the corpus are skipped by the floor as well
        }
    }
}
