package io.disclosurelake.hardening;

import io.disclosurelake.extract.Extractor;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.QuarantineReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page without text that nests a million saved graphics states is not rendered for OCR: the renderer keeps a
 * copy of every saved state, and the hostile battery's job ran out of its 1 GB heap on it.
 */
class NestedSavesOcrTest {
    @Test
    void aMillionNestedSavesIsOcrFailedWithoutRendering() throws Exception {
        byte[] pdf = HostileFiles.nestedSaves();
        long t0 = System.nanoTime();
        Report r = new Extractor().extract("pdf-nested-saves.pdf", pdf);
        assertEquals(QuarantineReason.OCR_FAILED, r.reason(), r.message());
        assertTrue(r.message().contains("nests graphics states"), r.message());
        assertTrue((System.nanoTime() - t0) / 1e9 < 30, "read without rendering");
    }
}
