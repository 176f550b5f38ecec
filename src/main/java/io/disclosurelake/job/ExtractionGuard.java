package io.disclosurelake.job;

import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.FormatSniffer;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the extractor on one document so that nothing escapes a Spark task: an exception becomes a
 * {@code corrupt} quarantine, a document over the time limit a {@code timeout} one (its thread is abandoned
 * — a daemon — and a fresh one serves the next document). The extractor enforces the limits itself; this is
 * the second line, for a reader that does not.
 */
public final class ExtractionGuard implements AutoCloseable {
    private final DocumentExtractor extractor;
    private final ExtractionLimits limits;
    private ExecutorService worker;

    public ExtractionGuard(DocumentExtractor extractor, ExtractionLimits limits) {
        this.extractor = extractor;
        this.limits = limits;
        this.worker = newWorker();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "disclosure-lake-extract");
            t.setDaemon(true);
            return t;
        });
    }

    public Report extract(String path, String sha256, byte[] bytes) {
        Future<Report> f = worker.submit(() -> extractor.extract(path, bytes));
        // A little grace over the extractor's own limit, so its own (better worded) timeout wins when it has one.
        long waitMs = limits.timeout().toMillis() + Math.min(5000, limits.timeout().toMillis() / 10 + 100);
        try {
            Report r = f.get(waitMs, TimeUnit.MILLISECONDS);
            if (r == null) return quarantined(path, sha256, bytes, QuarantineReason.CORRUPT, "extractor returned nothing");
            return r;
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            return quarantined(path, sha256, bytes, QuarantineReason.TIMEOUT,
                    "extraction took longer than " + limits.timeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            if (c instanceof OutOfMemoryError) {
                return quarantined(path, sha256, bytes, QuarantineReason.TOO_LARGE, "out of memory while extracting");
            }
            return quarantined(path, sha256, bytes, QuarantineReason.CORRUPT, "extractor failed: " + c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("task interrupted", e);
        }
    }

    static Report quarantined(String path, String sha256, byte[] bytes, QuarantineReason reason, String message) {
        String format;
        try {
            format = bytes == null ? "unknown" : FormatSniffer.sniff(bytes, path).id;
        } catch (RuntimeException e) {
            format = "unknown";
        }
        return Report.quarantined(new DocumentInfo(path, sha256, format, null, bytes == null ? 0 : bytes.length), reason, message);
    }

    @Override public void close() { worker.shutdownNow(); }
}
