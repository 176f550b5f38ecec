package io.disclosurelake.read;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import io.disclosurelake.read.PdfPageContent.Ruling;
import io.disclosurelake.read.ocr.OcrText;
import io.disclosurelake.read.ocr.PageImage;
import io.disclosurelake.read.ocr.TextRecognizer;
import io.disclosurelake.read.ocr.TextRecognizer.Recognition;

/**
 * A scanned page (an image) into the same blocks a text page gives: ruling lines found in the image make
 * table areas and cells exactly as a PDF's drawn lines do ({@link PdfLatticeTables}), each cell's lines of
 * print are recognised; print outside the tables becomes paragraphs, one per line. Geometry is in points
 * (1/72 inch) at the page's resolution, like a text layer's; cells carry source {@code ocr} and the mean
 * recognition confidence of their lines.
 */
final class ScannedPages {
    private ScannedPages() {}

    /** What one page gave: its blocks in reading order and how many characters were recognised. */
    record Page(List<PdfReader.Placed> blocks, int characters) {}

    static Page read(BufferedImage image, Double dpi, int page, TextRecognizer recognizer) {
        PageImage img = PageImage.of(image, dpi, 3.0);
        double s = img.dpi / 72.0; // pixels per point
        int minRun = (int) Math.round(img.dpi * 0.25);
        List<PageImage.Line> lines = img.rulings(minRun);
        List<Ruling> rulings = new ArrayList<>();
        for (PageImage.Line l : lines) rulings.add(new Ruling(l.x1() / s, l.y1() / s, l.x2() / s, l.y2() / s));
        List<PdfLatticeTables.Area> areas = PdfLatticeTables.areas(rulings);
        // only the rules of tables are masked out of the print: a long stroke of a bold title is not a rule
        boolean[] mask = new boolean[img.width * img.height];
        for (PageImage.Line l : lines) {
            boolean inTable = false;
            for (PdfLatticeTables.Area a : areas) {
                if (l.x1() / s >= a.minX - 3 && l.x2() / s <= a.maxX + 3 && l.y1() / s >= a.minY - 3 && l.y2() / s <= a.maxY + 3) inTable = true;
            }
            if (!inTable) continue;
            int half = l.thickness() / 2 + 2;
            if (l.horizontal()) {
                fill(mask, img, (int) l.x1() - 2, (int) Math.floor(l.y1()) - half, (int) l.x2() + 3, (int) Math.ceil(l.y1()) + half + 1);
            } else {
                fill(mask, img, (int) Math.floor(l.x1()) - half, (int) l.y1() - 2, (int) Math.ceil(l.x1()) + half + 1, (int) l.y2() + 3);
            }
        }
        int minInk = Math.max(6, (int) Math.round(12 * (img.dpi / 200) * (img.dpi / 200)));
        int dot = (int) Math.ceil(img.dpi * 0.045); // print is larger than this in one direction at least (a dash is wide)
        int chars = 0;
        List<PdfReader.Placed> placed = new ArrayList<>();
        boolean[] outside = mask.clone();
        for (PdfLatticeTables.Area area : areas) {
            PdfLatticeTables.Layout layout = area.layout();
            if (layout == null) continue;
            TableBuilder tb = new TableBuilder();
            tb.touchRow(layout.rows() - 1);
            tb.touchColumns(layout.cols());
            // the lines of print of every cell first, then all read at once (the recognizer batches short lines);
            // a cell without print (ink under the speck size) is never sent to the model
            List<List<int[]>> cellBands = new ArrayList<>();
            List<BufferedImage> crops = new ArrayList<>();
            for (PdfLatticeTables.CellBox b : layout.cells()) {
                int x0 = (int) Math.round(b.x() * s), y0 = (int) Math.round(b.y() * s);
                int x1 = (int) Math.round((b.x() + b.width()) * s), y1 = (int) Math.round((b.y() + b.height()) * s);
                List<int[]> bands = new ArrayList<>();
                for (int[] band : img.printLines(x0 + 1, y0 + 1, x1 - 1, y1 - 1, mask, minInk)) {
                    if (band[2] - band[0] < dot && band[3] - band[1] < dot) continue; // a speck, not print
                    bands.add(band);
                    crops.add(img.crop(band[0], band[1], band[2], band[3], pad(band), mask));
                }
                cellBands.add(bands);
            }
            java.util.Iterator<Recognition> read = recognizer.recognizeAll(crops).iterator();
            for (int ci = 0; ci < layout.cells().size(); ci++) {
                PdfLatticeTables.CellBox b = layout.cells().get(ci);
                List<String> pieces = new ArrayList<>();
                double conf = 0;
                int n = 0;
                for (int k = 0; k < cellBands.get(ci).size(); k++) {
                    Recognition r = read.next();
                    if (r.text().isBlank()) continue;
                    pieces.add(r.text().strip());
                    conf += r.confidence();
                    n++;
                }
                String text = OcrText.normalize(TableBuilder.joinPieces(pieces));
                if (cellBands.get(ci).size() == 1 && SLASH_OR_ONE.contains(text)) {
                    // a slash (a zero left blank) is often read "1", unsure: its lean tells them apart
                    int[] band = cellBands.get(ci).get(0);
                    double lean = img.slant(band[0], band[1], band[2], band[3], mask);
                    if (lean < SLASH_LEAN) text = "/";
                }
                if (b.rowSpan() > 1 && CELL_NUMBER.matcher(text).matches()) {
                    // a number over several grid rows: on a scan a rule broken by noise merges cells, and the number
                    // would be repeated into a row it does not belong to. Confidence 0: the confidence
                    // check makes it null (unreadable), never a guess
                    conf = 0;
                    n = Math.max(n, 1);
                }
                chars += text.length();
                tb.put(b.row(), b.col(), b.rowSpan(), b.colSpan(), text, page, b.x(), b.y(), b.width(), b.height(),
                        Grid.GridCell.OCR, n == 0 ? Double.NaN : conf / n);
            }
            fill(outside, img, (int) (area.minX * s) - 3, (int) (area.minY * s) - 3, (int) (area.maxX * s) + 4, (int) (area.maxY * s) + 4);
            placed.add(new PdfReader.Placed(area.top(), tb.build()));
        }
        for (int[] band : img.printLines(0, 0, img.width, img.height, outside, minInk, true)) {
            int h = band[3] - band[1];
            if (h < img.dpi * 0.04 || h > img.dpi * 0.8) continue; // specks and pictures (a stamp, a photo)
            // a filled bar (a blacked-out line, a solid block) is not print: strokes cover well under half of a
            // line's box. Not sent to the model, where a page-wide bar is its slowest input (up to a second each)
            if (img.inkShare(band[0], band[1], band[2], band[3], outside) > SOLID_BAR) continue;
            Recognition r = recognizer.recognize(img.crop(band[0], band[1], band[2], band[3], pad(band), outside));
            String text = OcrText.normalize(r.text());
            if (text.isBlank() || r.confidence() < 0.5) continue;
            chars += text.length();
            placed.add(new PdfReader.Placed(band[1] / s, new Grid.Paragraph(text, page)));
        }
        placed.sort(java.util.Comparator.comparingDouble(PdfReader.Placed::y));
        return new Page(placed, chars);
    }

    /**
     * Ink share of a line's box above which it is a filled bar, not print: dense print covers about 0.4 of its
     * box, a bar about 1.0; bold print bled by a photocopier or a shaded heading stays well under this.
     */
    static final double SOLID_BAR = 0.9;

    /** What a lone slash in a cell is read as. */
    private static final java.util.Set<String> SLASH_OR_ONE = java.util.Set.of("1", "/");
    /**
     * A glyph leaning right more than this (dx/dy, y down) is a slash, not a 1: a slash leans about −0.4, a 1
     * about 0 or slightly positive (its flag), and a deskewed page leaves under ±0.01.
     */
    static final double SLASH_LEAN = -0.15;

    private static final java.util.regex.Pattern CELL_NUMBER = java.util.regex.Pattern.compile("^[-+]?[0-9][0-9,.]*%?$");

    /** White margin around a line of print, as the recognizer was trained with. */
    private static int pad(int[] band) {
        return Math.max(4, (band[3] - band[1]) / 4);
    }

    private static void fill(boolean[] mask, PageImage img, int x0, int y0, int x1, int y1) {
        for (int y = Math.max(0, y0); y < Math.min(img.height, y1); y++)
            for (int x = Math.max(0, x0); x < Math.min(img.width, x1); x++) mask[y * img.width + x] = true;
    }
}
