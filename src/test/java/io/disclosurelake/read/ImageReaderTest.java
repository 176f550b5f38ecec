package io.disclosurelake.read;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageReaderTest {

    @Test
    void pagesStackedIntoOneTallImageAreCounted() {
        assertEquals(1, ImageReader.stackedPages(1653, 2339));  // one A4 page
        assertEquals(1, ImageReader.stackedPages(2339, 1653));  // landscape
        assertEquals(1, ImageReader.stackedPages(1000, 2000));  // a phone photo, not two pages
        assertEquals(6, ImageReader.stackedPages(1653, 6 * 2339));
        assertEquals(8, ImageReader.stackedPages(1240, 8 * 1753)); // the generator's 150-dpi stack
    }

    @Test
    void tallImageIsCutAtTheWhiteBandsNearPageBoundaries() {
        int w = 400, n = 3;
        // pages a little taller than even thirds would say: the first boundary sits 10 px below 566
        int[] tops = {0, 576, 1142}, h = {576, 566, 556};
        BufferedImage img = new BufferedImage(w, 1698, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, img.getHeight());
        g.setColor(Color.BLACK);
        for (int p = 0; p < n; p++) g.fillRect(20, tops[p] + 5, w - 40, h[p] - 10); // print up to 5 px from each page's edge
        g.dispose();
        List<BufferedImage> pages = ImageReader.splitPages(img, n);
        assertEquals(n, pages.size());
        int top = 0;
        for (int p = 0; p < n; p++) {
            int bottom = top + pages.get(p).getHeight();
            assertTrue(top <= tops[p] + 5 && bottom >= tops[p] + h[p] - 5, "page " + p + " cut through its print: " + top + ".." + bottom);
            top = bottom;
        }
        assertEquals(img.getHeight(), top);
    }
}
