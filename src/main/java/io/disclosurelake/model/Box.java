package io.disclosurelake.model;

/**
 * Where on its page a cell was printed: a box in PDF points (1/72 inch), origin at the page's top-left,
 * y downward. OCR'd cells give the box of the scanned cell (for an image file: points at the image's
 * resolution, 200 dpi when the file does not say).
 */
public record Box(double x, double y, double width, double height) {
    /** The box, or null when any side is unknown (NaN): formats without geometry. */
    public static Box ofNullable(double x, double y, double width, double height) {
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isNaN(width) || Double.isNaN(height)) return null;
        return new Box(x, y, width, height);
    }
}
