package io.disclosurelake.read;

import io.disclosurelake.read.ocr.TextRecognizer;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScannedPagesTest {
    /** Counts the crops it is given and reads each as "text". */
    private static final class CountingRecognizer implements TextRecognizer {
        final List<BufferedImage> seen = new ArrayList<>();

        @Override public Recognition recognize(BufferedImage line) {
            seen.add(line);
            return new Recognition("text", 0.99);
        }
    }

    @Test
    void aBlackedOutLineIsNotSentToTheModelButPrintIs() {
        // an A4 page at 100 dpi: a page-wide filled bar (a redaction) above one line of print
        BufferedImage page = new BufferedImage(827, 1169, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.fillRect(80, 150, 660, 14);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 18));
        g.drawString("Annual report on government information disclosure 2024", 80, 300);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
        g.drawString("HEAVY BOLD HEADING", 80, 450); // dense print, still print
        g.dispose();

        CountingRecognizer model = new CountingRecognizer();
        ScannedPages.Page read = ScannedPages.read(page, 100.0, 1, model);

        assertEquals(2, model.seen.size(), "the lines of print are recognised, not the bar");
        BufferedImage crop = model.seen.get(0);
        assertTrue(crop.getHeight() > 14 && crop.getWidth() > 300, "the crop is the printed line: " + crop.getWidth() + "x" + crop.getHeight());
        assertEquals(2, read.blocks().size());
    }
}
