package io.disclosurelake.read.ocr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ocr.threads = 0 (automatic): a document gets the executor's cores that no other document of the night uses. */
class OcrSettingsTest {
    private static final OcrSettings AUTO = OcrSettings.defaults();

    @Test void aLoneScanIsReadOnEveryCore() {
        assertEquals(0, AUTO.threads(), "the default is automatic");
        assertEquals(2, AUTO.threadsFor(2, 1));
        assertEquals(8, AUTO.threadsFor(8, 1));
    }

    @Test void documentsSideBySideShareTheCores() {
        assertEquals(1, AUTO.threadsFor(2, 2));
        assertEquals(1, AUTO.threadsFor(2, 6), "more documents than cores: one thread each, never zero");
        assertEquals(2, AUTO.threadsFor(8, 3), "8 cores over 3 documents: 2 each, not more than the cores");
        assertEquals(1, AUTO.threadsFor(1, 1));
        assertEquals(1, AUTO.threadsFor(0, 0), "nothing known: one thread");
    }

    @Test void aSetNumberIsKept() {
        assertEquals(1, AUTO.withThreads(1).threadsFor(8, 1));
        assertEquals(3, AUTO.withThreads(3).threadsFor(2, 6));
    }
}
