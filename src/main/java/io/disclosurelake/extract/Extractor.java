package io.disclosurelake.extract;

import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.DocumentFormat;
import io.disclosurelake.read.FormatReader;
import io.disclosurelake.read.FormatSniffer;
import io.disclosurelake.read.Grid;
import io.disclosurelake.read.ReadLimits;
import io.disclosurelake.read.Readers;
import io.disclosurelake.read.UnreadableDocumentException;
import io.disclosurelake.rules.ReportRules;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The seam between the pure core and Spark: bytes of one file in, one canonical {@link Report} out
 * (parsed, partial or quarantined). Never throws for bad input; enforces {@link ExtractionLimits}.
 * Thread-safe: one instance serves a whole partition or thread pool.
 *
 * <p>Reading and matching run on a worker thread so that a file that makes a reader spin cannot hang the
 * caller: past the timeout the work is cancelled (readers also watch {@link ReadLimits#deadlineNanos}) and
 * the report is quarantined as {@code timeout}.
 */
public final class Extractor {
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "disclosure-lake-extract");
        t.setDaemon(true);
        return t;
    });

    private final ExtractionLimits limits;
    private final Function<DocumentFormat, FormatReader> readers;
    private final ReportRules rules;

    public Extractor(ExtractionLimits limits) { this(limits, Readers::forFormat); }

    public Extractor() { this(ExtractionLimits.defaults()); }

    /** With another reader registry (tests use it to simulate a reader that never returns). */
    public Extractor(ExtractionLimits limits, Function<DocumentFormat, FormatReader> readers) {
        this.limits = limits;
        this.readers = readers;
        this.rules = new ReportRules(ReportRules.DEFAULT_MAX_FEE_WAN_YUAN, limits.minDenominator());
    }

    public ExtractionLimits limits() { return limits; }

    public Report extract(String path, byte[] bytes) {
        DocumentInfo doc = new DocumentInfo(path, sha256(bytes), null, null, bytes == null ? 0 : bytes.length);
        try {
            if (bytes == null || bytes.length == 0 || isWhitespace(bytes))
                return Report.quarantined(doc, QuarantineReason.EMPTY, "the file has no content");
            if (bytes.length > limits.maxBytes())
                return Report.quarantined(doc, QuarantineReason.TOO_LARGE,
                        bytes.length + " bytes, over the limit of " + limits.maxBytes());
            DocumentFormat format = FormatSniffer.sniff(bytes, path);
            doc = new DocumentInfo(path, doc.sha256(), format.id, null, bytes.length);
            FormatReader reader = format == DocumentFormat.UNKNOWN ? null : readers.apply(format);
            if (reader == null)
                return Report.quarantined(doc, QuarantineReason.UNSUPPORTED_FORMAT, "no reader for format " + format.id);
            return readWithTimeout(doc, reader, bytes);
        } catch (Throwable e) {
            return Report.quarantined(doc, QuarantineReason.CORRUPT, describe(e));
        }
    }

    private Report readWithTimeout(DocumentInfo doc, FormatReader reader, byte[] bytes) {
        long timeoutNanos = limits.documentBudget().toNanos();
        ReadLimits readLimits = new ReadLimits(limits.maxPages(), limits.maxUncompressedBytes(),
                ReadLimits.defaults().maxTextChars(), System.nanoTime() + limits.timeout().toNanos(), limits.ocr());
        Future<Report> f = WORKERS.submit(() -> {
            Grid grid;
            try {
                grid = reader.read(bytes, readLimits);
            } catch (UnreadableDocumentException e) {
                return Report.quarantined(doc, e.reason(), e.getMessage());
            }
            DocumentInfo withPages = new DocumentInfo(doc.path(), doc.sha256(), doc.format(), grid.pages(), doc.size());
            return ReportBuilder.build(withPages, grid, rules, limits.ocr());
        });
        try {
            return f.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return Report.quarantined(doc, QuarantineReason.TIMEOUT, "extraction took longer than " + limits.documentBudget());
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return Report.quarantined(doc, QuarantineReason.TIMEOUT, "interrupted while extracting");
        } catch (ExecutionException e) {
            return Report.quarantined(doc, QuarantineReason.CORRUPT, describe(e.getCause()));
        }
    }

    static String describe(Throwable e) {
        if (e == null) return "unknown error";
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isWhitespace(byte[] b) {
        int start = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) start = 3;
        else if (b.length >= 2 && ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe || (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff)) start = 2;
        for (int i = start; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0 && c != 0x0b && c != 0x0c) return false;
        }
        return true;
    }
}
