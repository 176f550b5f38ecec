package io.disclosurelake.hardening;

import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.extract.Extractor;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Report;
import io.disclosurelake.read.PdfReader;
import io.disclosurelake.read.ReadLimits;
import io.disclosurelake.read.UnreadableDocumentException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page whose content never ends (a form XObject drawing itself twice: 2^50 text runs under PDFBox's depth
 * guard) must stop the reader itself at its deadline. Abandoning its thread is not enough: the thread would
 * keep a core busy and fill the heap with glyphs until the executor dies of OutOfMemoryError.
 */
class ReaderDeadlineTest {
    @SuppressWarnings({"deprecation", "removal"})
    @Test void pdfReaderStopsAtItsDeadlineOnAPageThatNeverEnds() throws Exception {
        byte[] pdf = HostileFiles.selfReferencingForm();
        ReadLimits limits = new ReadLimits(300, 200L << 20, 20_000_000L, System.nanoTime() + Duration.ofSeconds(2).toNanos());
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                out.set(new PdfReader().read(pdf, limits));
            } catch (Throwable x) {
                out.set(x);
            }
        }, "read-self-referencing-form");
        t.setDaemon(true);
        long t0 = System.nanoTime();
        t.start();
        t.join(20_000);
        boolean stuck = t.isAlive();
        if (stuck) t.stop();
        assertFalse(stuck, "the reader was still inside the page 18 s after its 2 s deadline");
        assertTrue(out.get() instanceof UnreadableDocumentException, "expected a quarantine reason, got " + out.get());
        QuarantineReason reason = ((UnreadableDocumentException) out.get()).reason();
        assertTrue(reason == QuarantineReason.TIMEOUT || reason == QuarantineReason.TOO_LARGE, "reason " + reason);
        System.out.printf("self-referencing form: %s after %.1f s%n", reason, (System.nanoTime() - t0) / 1e9);
    }

    @Test void extractorLeavesNoThreadBusyAfterATimeout() throws Exception {
        Extractor extractor = new Extractor(new ExtractionLimits(50L << 20, Duration.ofSeconds(2), 300, 200L << 20, 30));
        Report r = extractor.extract("pdf-self-referencing-form.pdf", HostileFiles.selfReferencingForm());
        assertTrue(r.isQuarantined());
        assertTrue(r.reason() == QuarantineReason.TIMEOUT || r.reason() == QuarantineReason.TOO_LARGE, "reason " + r.reason());
        // within a short grace period after the timeout, no extraction thread may still be working on it
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String busy;
        do {
            busy = busyExtractionThread();
            if (busy == null) break;
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        assertEquals(null, busy, "an abandoned extraction thread still runs 10 s after the timeout");
    }

    /** A pool thread that is parked waits for work; one that is RUNNABLE inside PDFBox is still reading. */
    private static String busyExtractionThread() {
        for (var e : Thread.getAllStackTraces().entrySet()) {
            Thread th = e.getKey();
            if (!th.getName().startsWith("disclosure-lake-extract") || th.getState() != Thread.State.RUNNABLE) continue;
            for (StackTraceElement f : e.getValue()) {
                if (f.getClassName().startsWith("org.apache.pdfbox")) return th.getName() + " at " + f;
            }
        }
        return null;
    }
}
