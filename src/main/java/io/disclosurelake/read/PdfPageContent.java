package io.disclosurelake.read;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * What the PDF reader needs from one page, in a y-down coordinate space (points from the crop box's
 * top-left): the glyphs with their boxes and the ruling lines drawn on the page (stroked segments and
 * the edges of thin or stroked rectangles). The only class that touches PDFBox's content stream engines.
 */
final class PdfPageContent {

    /** One glyph: text, left x, baseline y, width, height, font size. */
    record Glyph(String text, double x, double baseline, double width, double height, double fontSize) {
        double right() { return x + width; }
        double top() { return baseline - height; }
        double centerX() { return x + width / 2; }
        double centerY() { return baseline - height / 2; }
    }

    /** A ruling segment: horizontal when y1 == y2, vertical when x1 == x2 (after snapping). */
    record Ruling(double x1, double y1, double x2, double y2) {
        boolean horizontal() { return Math.abs(y2 - y1) < 0.01; }
    }

    final List<Glyph> glyphs = new ArrayList<>();
    final List<Ruling> rulings = new ArrayList<>();
    boolean hasImage;
    /** The largest image drawn on the page, in pixels as stored (decoding it whole takes 1–4 bytes each). */
    long maxImagePixels;
    /** The deepest nesting of saved graphics states (q … Q) on the page: rendering keeps a copy of each. */
    int maxSaveDepth;

    /** Far more glyphs than any real page holds (a dense page has ~6,000): past it the page is pathological. */
    static final int MAX_GLYPHS_PER_PAGE = 200_000;

    /**
     * Thrown from inside PDFBox's operator loop: a page whose content never ends (a form XObject that draws
     * itself) would otherwise keep the thread busy and fill the heap long after the caller gave up on it.
     */
    static final class PageOverBudget extends RuntimeException {
        final io.disclosurelake.spec.QuarantineReason reason;

        PageOverBudget(io.disclosurelake.spec.QuarantineReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** Checks the deadline every 256 operators (form XObjects included) and caps the glyphs of the page. */
    private static final class Budget {
        private final ReadLimits limits;
        private final int pageNo;
        private long operators;

        Budget(ReadLimits limits, int pageNo) {
            this.limits = limits;
            this.pageNo = pageNo;
        }

        void operator() {
            if ((++operators & 255) == 0 && limits.pastDeadline()) {
                throw new PageOverBudget(io.disclosurelake.spec.QuarantineReason.TIMEOUT,
                        "PDF page " + pageNo + " still drawing at the deadline after " + operators + " operators");
            }
        }

        void glyphs(int count) {
            if (count > MAX_GLYPHS_PER_PAGE) {
                throw new PageOverBudget(io.disclosurelake.spec.QuarantineReason.TOO_LARGE,
                        "PDF page " + pageNo + " has over " + MAX_GLYPHS_PER_PAGE + " glyphs");
            }
        }
    }

    static PdfPageContent of(PDDocument doc, PDPage page, int pageNo) throws IOException {
        return of(doc, page, pageNo, ReadLimits.defaults());
    }

    static PdfPageContent of(PDDocument doc, PDPage page, int pageNo, ReadLimits limits) throws IOException {
        PdfPageContent content = new PdfPageContent();
        Budget budget = new Budget(limits, pageNo);
        GlyphCollector text = new GlyphCollector(content.glyphs, budget);
        text.setStartPage(pageNo);
        text.setEndPage(pageNo);
        text.setSortByPosition(false);
        text.setSuppressDuplicateOverlappingText(false);
        text.writeText(doc, new StringWriter());
        RulingCollector lines = new RulingCollector(page, content, budget);
        lines.processPage(page);
        return content;
    }

    /** Records every glyph instead of writing text. */
    private static final class GlyphCollector extends PDFTextStripper {
        private final List<Glyph> out;
        private final Budget budget;

        GlyphCollector(List<Glyph> out, Budget budget) {
            this.out = out;
            this.budget = budget;
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            budget.operator();
            super.processOperator(operator, operands);
        }

        @Override
        protected void processTextPosition(TextPosition t) {
            String s = t.getUnicode();
            if (s == null || s.isBlank()) return;
            float size = t.getFontSizeInPt() > 0 ? t.getFontSizeInPt() : Math.abs(t.getFontSize() * t.getYScale());
            // some text matrices (e.g. rotated 180°) give an inflated size; the glyph height bounds it
            if (t.getHeightDir() > 0 && size > t.getHeightDir() / 0.5f) size = t.getHeightDir() / 0.7f;
            double h = Math.max(t.getHeightDir(), size * 0.7);
            if (h <= 0) h = 8;
            out.add(new Glyph(s, t.getXDirAdj(), t.getYDirAdj(), Math.max(0.1, t.getWidthDirAdj()), h, size > 0 ? size : h));
            budget.glyphs(out.size());
        }
    }

    /** Collects ruling lines; text, images and shadings are not decoded or rendered. */
    private static final class RulingCollector extends PDFGraphicsStreamEngine {
        private static final double THIN = 2.5;
        private final PdfPageContent content;
        private final double left, bottom, width, height;
        private final int rotation;
        private final List<double[]> path = new ArrayList<>(); // segments of the current path, device space
        private final List<double[]> rects = new ArrayList<>();
        private double cx, cy, sx, sy;
        private final Budget budget;

        RulingCollector(PDPage page, PdfPageContent content, Budget budget) {
            super(page);
            this.content = content;
            this.budget = budget;
            PDRectangle crop = page.getCropBox();
            this.left = crop.getLowerLeftX();
            this.bottom = crop.getLowerLeftY();
            this.width = crop.getWidth();
            this.height = crop.getHeight();
            this.rotation = ((page.getRotation() % 360) + 360) % 360;
        }

        private int saveDepth;

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            budget.operator();
            String name = operator.getName();
            if (name.equals("q")) content.maxSaveDepth = Math.max(content.maxSaveDepth, ++saveDepth);
            else if (name.equals("Q") && saveDepth > 0) saveDepth--;
            super.processOperator(operator, operands);
        }

        @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            double minX = Math.min(Math.min(p0.getX(), p1.getX()), Math.min(p2.getX(), p3.getX()));
            double maxX = Math.max(Math.max(p0.getX(), p1.getX()), Math.max(p2.getX(), p3.getX()));
            double minY = Math.min(Math.min(p0.getY(), p1.getY()), Math.min(p2.getY(), p3.getY()));
            double maxY = Math.max(Math.max(p0.getY(), p1.getY()), Math.max(p2.getY(), p3.getY()));
            rects.add(new double[] {minX, minY, maxX, maxY});
            cx = sx = p0.getX();
            cy = sy = p0.getY();
        }

        @Override public void moveTo(float x, float y) { cx = sx = x; cy = sy = y; }

        @Override public void lineTo(float x, float y) {
            path.add(new double[] {cx, cy, x, y});
            cx = x;
            cy = y;
        }

        @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) { cx = x3; cy = y3; }

        @Override public Point2D getCurrentPoint() { return new Point2D.Float((float) cx, (float) cy); }

        @Override public void closePath() {
            if (cx != sx || cy != sy) path.add(new double[] {cx, cy, sx, sy});
            cx = sx;
            cy = sy;
        }

        @Override public void endPath() { clear(); }

        @Override public void strokePath() {
            for (double[] s : path) segment(s[0], s[1], s[2], s[3]);
            for (double[] r : rects) {
                segment(r[0], r[1], r[2], r[1]);
                segment(r[0], r[3], r[2], r[3]);
                segment(r[0], r[1], r[0], r[3]);
                segment(r[2], r[1], r[2], r[3]);
            }
            clear();
        }

        @Override public void fillPath(int windingRule) {
            // Word and WPS draw cell borders as thin filled rectangles; wide fills are shading, not rulings.
            for (double[] r : rects) {
                double w = r[2] - r[0], h = r[3] - r[1];
                if (h <= THIN && w > h) segment(r[0], (r[1] + r[3]) / 2, r[2], (r[1] + r[3]) / 2);
                else if (w <= THIN && h > w) segment((r[0] + r[2]) / 2, r[1], (r[0] + r[2]) / 2, r[3]);
            }
            // a thin filled polygon drawn with lineTo (closed quadrilateral)
            if (path.size() >= 3 && path.size() <= 5) {
                double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
                for (double[] s : path) {
                    minX = Math.min(minX, Math.min(s[0], s[2]));
                    maxX = Math.max(maxX, Math.max(s[0], s[2]));
                    minY = Math.min(minY, Math.min(s[1], s[3]));
                    maxY = Math.max(maxY, Math.max(s[1], s[3]));
                }
                double w = maxX - minX, h = maxY - minY;
                if (h <= THIN && w > h) segment(minX, (minY + maxY) / 2, maxX, (minY + maxY) / 2);
                else if (w <= THIN && h > w) segment((minX + maxX) / 2, minY, (minX + maxX) / 2, maxY);
            }
            clear();
        }

        @Override public void fillAndStrokePath(int windingRule) { strokePath(); }

        @Override public void clip(int windingRule) { }

        @Override public void drawImage(PDImage pdImage) {
            content.hasImage = true;
            content.maxImagePixels = Math.max(content.maxImagePixels, (long) pdImage.getWidth() * pdImage.getHeight());
        }

        @Override public void shadingFill(COSName shadingName) { }

        @Override protected void showText(byte[] string) { } // glyphs come from the text pass

        private void clear() {
            path.clear();
            rects.clear();
        }

        /** The page as displayed (after /Rotate), y down: the space the glyph positions are in. */
        private double[] display(double x, double y) {
            double u = x - left, v = y - bottom;
            return switch (rotation) {
                case 90 -> new double[] {v, u};
                case 180 -> new double[] {width - u, v};
                case 270 -> new double[] {height - v, width - u};
                default -> new double[] {u, height - v};
            };
        }

        /** Keeps axis-parallel segments only, converted to displayed y-down page coordinates. */
        private void segment(double x1, double y1, double x2, double y2) {
            double[] a = display(x1, y1), b = display(x2, y2);
            double ax1 = a[0], ay1 = a[1], ax2 = b[0], ay2 = b[1];
            if (Math.abs(ay1 - ay2) < 1.0 && Math.abs(ax2 - ax1) >= 2) {
                double y = (ay1 + ay2) / 2;
                content.rulings.add(new Ruling(Math.min(ax1, ax2), y, Math.max(ax1, ax2), y));
            } else if (Math.abs(ax1 - ax2) < 1.0 && Math.abs(ay2 - ay1) >= 2) {
                double x = (ax1 + ax2) / 2;
                content.rulings.add(new Ruling(x, Math.min(ay1, ay2), x, Math.max(ay1, ay2)));
            }
        }
    }
}
