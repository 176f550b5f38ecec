package io.disclosurelake.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * A document as every writer sees it: title, optional subtitle, then headings, paragraphs and tables laid out
 * on a grid with row/column spans. Writers differ only in how they print it.
 */
public final class ReportDocument {
    public final String title;
    public final String subtitle;
    public final List<Block> blocks = new ArrayList<>();

    public ReportDocument(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    public sealed interface Block permits Heading, Paragraph, Table {}

    public record Heading(String text) implements Block {}

    public record Paragraph(String text) implements Block {}

    /**
     * A table cell at (row, col) spanning rows/cols. {@code address} names the truth cell a number fills
     * ("applications/new/3"), null for labels; {@code vertical} prints the label one character per line.
     */
    public record TCell(int row, int col, int rowSpan, int colSpan, String text, String address, boolean vertical) {
        public boolean numeric() { return address != null; }
    }

    public static final class Table implements Block {
        public final String name;
        public final int cols;
        public final int headerRows;
        /** Relative column widths (sum arbitrary). */
        public final double[] widths;
        public final List<TCell> cells = new ArrayList<>();
        public int rows;
        /** Row after which a page break is forced (page_split_tables), or -1. */
        public int splitAfterRow = -1;

        public Table(String name, int cols, int headerRows, double[] widths) {
            this.name = name;
            this.cols = cols;
            this.headerRows = headerRows;
            this.widths = widths;
        }

        public void add(int row, int col, int rowSpan, int colSpan, String text, String address) {
            cells.add(new TCell(row, col, rowSpan, colSpan, text, address, false));
            rows = Math.max(rows, row + rowSpan);
        }

        public void addVertical(int row, int col, int rowSpan, int colSpan, String text) {
            cells.add(new TCell(row, col, rowSpan, colSpan, text, null, true));
            rows = Math.max(rows, row + rowSpan);
        }

        /** Origin cell covering each grid position. */
        public TCell[][] grid() {
            TCell[][] g = new TCell[rows][cols];
            for (TCell c : cells)
                for (int r = c.row(); r < c.row() + c.rowSpan(); r++)
                    for (int k = c.col(); k < c.col() + c.colSpan(); k++) g[r][k] = c;
            return g;
        }

        public List<TCell> rowCells(int r) {
            return cells.stream().filter(c -> c.row() == r).sorted((a, b) -> Integer.compare(a.col(), b.col())).toList();
        }
    }

    /** All text in reading order, one line per paragraph (used for determinism checks and search). */
    public String plainText() {
        StringBuilder sb = new StringBuilder(title).append('\n');
        if (subtitle != null) sb.append(subtitle).append('\n');
        for (Block b : blocks) {
            if (b instanceof Heading h) sb.append(h.text()).append('\n');
            else if (b instanceof Paragraph p) sb.append(p.text()).append('\n');
            else if (b instanceof Table t) for (TCell c : t.cells) sb.append(c.text()).append('\n');
        }
        return sb.toString();
    }
}
