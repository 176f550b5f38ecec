package io.disclosurelake.read.ocr;

import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageImageTest {
    /** A white 2-inch square at 200 dpi with one glyph-sized stroke drawn from (x1,y1) to (x2,y2), plus a 1's flag when asked. */
    private static PageImage stroke(int x1, int y1, int x2, int y2, boolean flag) {
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 400);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3));
        g.drawLine(x1, y1, x2, y2);
        if (flag) g.drawLine(x1, y1, x1 - 6, y1 + 5);
        g.dispose();
        return PageImage.of(img, 200.0, 0);
    }

    @Test
    void aSlashLeansAndAOneStandsUpright() {
        // the glyphs of a 150-dpi table cell: about 20 px tall; a slash leans about 0.4 (dx/dy, y down)
        double slash = stroke(208, 190, 200, 210, false).slant(190, 180, 220, 220, null);
        double one = stroke(200, 190, 200, 210, true).slant(190, 180, 220, 220, null);
        assertTrue(slash < -0.25, "slash " + slash);
        assertTrue(one > -0.05, "one " + one);
    }

    @Test
    void inkShareTellsAFilledBarFromAStroke() {
        BufferedImage img = new BufferedImage(400, 400, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 400);
        g.setColor(Color.BLACK);
        g.fillRect(10, 10, 300, 20);
        g.dispose();
        PageImage page = PageImage.of(img, 200.0, 0);
        assertEquals(1.0, page.inkShare(10, 10, 310, 30, null), 1e-9);
        assertEquals(0.5, page.inkShare(10, 10, 310, 50, null), 1e-9);
        boolean[] mask = new boolean[400 * 400];
        for (int x = 0; x < 400; x++) for (int y = 30; y < 50; y++) mask[y * 400 + x] = true;
        assertEquals(1.0, page.inkShare(10, 10, 310, 50, mask), 1e-9, "masked pixels count neither way");
        assertEquals(0.0, page.inkShare(5, 5, 5, 5, null));
    }
}
