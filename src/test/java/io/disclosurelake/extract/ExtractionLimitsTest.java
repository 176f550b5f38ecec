package io.disclosurelake.extract;

import io.disclosurelake.read.ocr.OcrSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A scanned report gets the OCR budget on top of the reading time; a text document only the reading time. */
class ExtractionLimitsTest {

    @Test void ocrAddsItsBudgetToTheDocumentsTime() {
        ExtractionLimits withOcr = ExtractionLimits.defaults();
        assertEquals(Duration.ofSeconds(60 + 180), withOcr.documentBudget());
        assertEquals(Duration.ofSeconds(60), withOcr.withOcr(OcrSettings.OFF).documentBudget());
    }
}
