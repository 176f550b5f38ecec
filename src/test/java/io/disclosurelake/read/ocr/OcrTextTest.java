package io.disclosurelake.read.ocr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OcrTextTest {
    @Test
    void lookAlikesBecomeDigitsOnlyInNumbers() {
        assertEquals("10", OcrText.normalize("1O"));
        assertEquals("101", OcrText.normalize("l0I"));
        assertEquals("0", OcrText.normalize("O"));
        assertEquals("1,234", OcrText.normalize("1，234"));   // full-width comma folded by NFKC
        assertEquals("62.13", OcrText.normalize("62。13"));
        assertEquals("12", OcrText.normalize("１２"));        // full-width digits
        assertEquals("12", OcrText.normalize("1 2"));
        assertEquals("", OcrText.normalize("·"));            // a speck
        assertEquals("", OcrText.normalize(". ,"));
        assertEquals("5", OcrText.normalize("5·"));
        assertEquals("62.13", OcrText.normalize("·62.13."));
        // a lone noisy 0 read as a round letter
        assertEquals("0", OcrText.normalize("a"));
        assertEquals("0", OcrText.normalize("D"));
        assertEquals("0", OcrText.normalize("Q"));
    }

    @Test
    void wordsAndLabelsAreLeftAlone() {
        assertEquals("Other", OcrText.normalize("Other"));
        assertEquals("OIL", OcrText.normalize("OIL"));
        assertEquals("1.属于国家秘密", OcrText.normalize("1.属于国家秘密"));
        assertEquals("3.危及“三安全一稳定”", OcrText.normalize("3.危及“三安全一稳定”"));
        assertEquals("(一)予以公开", OcrText.normalize("（一）予以公开"));
        assertEquals("—", OcrText.normalize("—"));
        assertEquals("—", OcrText.normalize("一"));   // a dash read as the character for one is a dash
        assertEquals("—", OcrText.normalize("--"));
        assertEquals("", OcrText.normalize(null));
    }
}
