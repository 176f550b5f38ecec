package io.disclosurelake.read;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A document reduced to what the template matcher needs and nothing format-specific: blocks in reading
 * order, each a paragraph of text or a table of cells. Format readers produce it; the matcher reads it.
 *
 * <p>Table cells carry their grid position (row, column after spans are expanded) so that a blank cell is
 * a cell with empty text in its column, never a missing entry. Readers that know geometry (PDF) also give
 * x/y/width/height in points and the page; others leave them NaN and give the page as null.
 */
public final class Grid {

    /** A block of the document: a paragraph or a table. */
    public sealed interface Block permits Paragraph, Table {}

    /** A run of text outside any table (a heading, a narrative paragraph, a flattened page). */
    public record Paragraph(String text, Integer page) implements Block {}

    /**
     * A cell of a table. {@code row}/{@code col} are grid coordinates; a merged cell appears once at its
     * top-left position with its spans, and readers may also repeat its text in the covered positions
     * with {@code continuation = true} (so a vertical label is visible on every row it spans).
     */
    public record GridCell(int row, int col, int rowSpan, int colSpan, String text, Integer page,
                           double x, double y, double width, double height, boolean continuation,
                           String source, double confidence) {
        /** Text read from a text layer or markup ({@code source} "text"). */
        public static final String TEXT = "text";
        /** Text recognised in a page image ({@code source} "ocr"; {@code confidence} is the recognizer's, 0..1). */
        public static final String OCR = "ocr";

        public GridCell {
            if (source == null) source = TEXT;
        }

        /** A cell of a text layer or markup: source {@code text}, no recognition confidence. */
        public GridCell(int row, int col, int rowSpan, int colSpan, String text, Integer page,
                        double x, double y, double width, double height, boolean continuation) {
            this(row, col, rowSpan, colSpan, text, page, x, y, width, height, continuation, TEXT, Double.NaN);
        }

        public boolean isOcr() { return OCR.equals(source); }

        /** The same cell with other text and no continuation flag, provenance kept. */
        public GridCell withText(String newText) {
            return new GridCell(row, col, rowSpan, colSpan, newText, page, x, y, width, height, false, source, confidence);
        }

        public static GridCell of(int row, int col, String text) {
            return new GridCell(row, col, 1, 1, text, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false);
        }

        public boolean isEmpty() { return text == null || text.isBlank(); }
    }

    /** A table: rows of cells in column order. */
    public record Table(List<List<GridCell>> rows) implements Block {
        public Table {
            List<List<GridCell>> copy = new ArrayList<>();
            for (List<GridCell> r : rows) copy.add(Collections.unmodifiableList(new ArrayList<>(r)));
            rows = Collections.unmodifiableList(copy);
        }

        public int columnCount() {
            int max = 0;
            for (List<GridCell> r : rows) for (GridCell c : r) max = Math.max(max, c.col() + c.colSpan());
            return max;
        }
    }

    private final List<Block> blocks;
    private final Integer pages;

    public Grid(List<Block> blocks, Integer pages) {
        this.blocks = Collections.unmodifiableList(new ArrayList<>(blocks));
        this.pages = pages;
    }

    public List<Block> blocks() { return blocks; }

    /** Number of pages for paginated formats, else null. */
    public Integer pages() { return pages; }

    public List<Table> tables() {
        List<Table> t = new ArrayList<>();
        for (Block b : blocks) if (b instanceof Table tb) t.add(tb);
        return t;
    }

    /** All the text of the document in reading order, tables cell by cell (for identity and version detection). */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Paragraph p) sb.append(p.text()).append('\n');
            else if (b instanceof Table t) {
                for (List<GridCell> row : t.rows()) {
                    for (GridCell c : row) if (!c.continuation() && !c.isEmpty()) sb.append(c.text()).append('\t');
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** Text outside tables only. */
    public String paragraphText() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) if (b instanceof Paragraph p) sb.append(p.text()).append('\n');
        return sb.toString();
    }
}
