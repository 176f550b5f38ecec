package io.disclosurelake.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import io.disclosurelake.read.PdfPageContent.Glyph;

/**
 * Text outside ruled tables (tabula's stream mode, simplified): glyphs are grouped into lines by baseline and
 * lines into chunks at wide gaps. A run of lines with two or more chunks is a table; its columns are the x-ranges
 * of the line with the most chunks (the header row), widened by every chunk that falls in exactly one of them.
 * A chunk goes to the column whose range holds it, so a blank cell stays blank; a number is never placed by
 * counting. A label line without numbers close above or below a numbers line is a wrapped part of that row.
 * Every other line is a paragraph.
 */
final class PdfStreamTables {
    private PdfStreamTables() {}

    private static final Pattern NUMBER = Pattern.compile("^[-+]?[0-9０-９][0-9０-９,，.．]*%?$|^[-—–/]$");

    /** A run of glyphs on one line with no wide gap. */
    record Chunk(String text, double x1, double x2, double baseline) {
        boolean numeric() { return NUMBER.matcher(text).matches(); }
    }

    /** A text line split into chunks. */
    record Line(List<Chunk> chunks, double baseline, double size, String text) {
        double x1() { return chunks.get(0).x1(); }
        double x2() { return chunks.get(chunks.size() - 1).x2(); }
        boolean hasNumber() {
            for (Chunk c : chunks) if (c.numeric()) return true;
            return false;
        }
    }

    static List<PdfReader.Placed> blocks(List<Glyph> glyphs, int page) {
        List<Line> lines = new ArrayList<>();
        for (List<Glyph> l : PdfReader.lines(glyphs)) lines.add(line(l));
        List<PdfReader.Placed> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int end = regionEnd(lines, i);
            if (end - i >= 2) {
                Grid.Table t = table(lines.subList(i, end), page);
                out.add(new PdfReader.Placed(lines.get(i).baseline() - lines.get(i).size(), t));
                i = end;
            } else {
                Line l = lines.get(i);
                out.add(new PdfReader.Placed(l.baseline() - l.size(), new Grid.Paragraph(l.text(), page)));
                i++;
            }
        }
        return out;
    }

    private static Line line(List<Glyph> glyphs) {
        List<Chunk> chunks = new ArrayList<>();
        List<Glyph> cur = new ArrayList<>();
        double size = 0;
        for (Glyph g : glyphs) size = Math.max(size, g.fontSize());
        for (Glyph g : glyphs) {
            if (!cur.isEmpty()) {
                Glyph prev = cur.get(cur.size() - 1);
                if (g.x() - prev.right() > Math.max(2.0, 0.9 * Math.max(g.fontSize(), prev.fontSize()))) {
                    chunks.add(chunk(cur));
                    cur = new ArrayList<>();
                }
            }
            cur.add(g);
        }
        if (!cur.isEmpty()) chunks.add(chunk(cur));
        double base = glyphs.get(0).baseline();
        StringBuilder text = new StringBuilder();
        for (Chunk c : chunks) text.append(text.length() > 0 ? " " : "").append(c.text());
        return new Line(chunks, base, size, text.toString());
    }

    private static Chunk chunk(List<Glyph> gs) {
        return new Chunk(PdfReader.lineText(gs), gs.get(0).x(), gs.get(gs.size() - 1).right(), gs.get(0).baseline());
    }

    /**
     * The end (exclusive) of the table region starting at {@code start}: consecutive lines with two or more
     * chunks, letting through a single-chunk line that sits close between two of them (a wrapped label).
     */
    private static int regionEnd(List<Line> lines, int start) {
        if (!tabular(lines.get(start))) return start + 1;
        int end = start + 1;
        while (end < lines.size()) {
            Line l = lines.get(end);
            Line prev = lines.get(end - 1);
            double gap = l.baseline() - prev.baseline();
            if (gap > 3.5 * Math.max(l.size(), prev.size())) break;
            if (tabular(l)) { end++; continue; }
            // a single chunk inside the table (a label with blank values, a wrapped label part): keep it when
            // a tabular line follows within a few close lines and it is not a page footer or a long sentence
            if (!PdfReader.isPageFooter(l.text()) && l.x2() - l.x1() < 0.6 * (lines.get(start).x2() - lines.get(start).x1())
                    && tabularFollows(lines, end)) {
                end++;
                continue;
            }
            break;
        }
        // trailing single-chunk lines are not part of the table
        while (end > start + 1 && !tabular(lines.get(end - 1))) end--;
        // but the tail of a label wrapped under the last row is (close, short, at the label column's left edge)
        while (end < lines.size()) {
            Line l = lines.get(end), prev = lines.get(end - 1);
            if (tabular(l) || PdfReader.isPageFooter(l.text()) || l.text().length() > 12
                    || l.baseline() - prev.baseline() > 1.5 * l.size()
                    || Math.abs(l.x1() - lines.get(end - 1).x1()) > 2 * l.size()) break;
            end++;
        }
        int tabularLines = 0;
        for (int i = start; i < end; i++) if (tabular(lines.get(i))) tabularLines++;
        return tabularLines >= 2 ? end : start + 1;
    }

    private static boolean tabularFollows(List<Line> lines, int from) {
        for (int k = from + 1; k < lines.size() && k <= from + 3; k++) {
            Line l = lines.get(k), prev = lines.get(k - 1);
            if (l.baseline() - prev.baseline() > 3.0 * Math.max(l.size(), prev.size())) return false;
            if (tabular(l)) return true;
        }
        return false;
    }

    private static boolean tabular(Line l) {
        return l.chunks().size() >= 2 && !PdfReader.isPageFooter(l.text());
    }

    /** Column bands from the header row, widened by chunks that fall in one band; new bands for chunks in none. */
    static List<double[]> bands(List<Line> region) {
        Line header = region.get(0);
        for (Line l : region) if (l.chunks().size() > header.chunks().size()) header = l;
        List<double[]> bands = new ArrayList<>();
        for (Chunk c : header.chunks()) bands.add(new double[] {c.x1(), c.x2()});
        for (Line l : region) {
            if (l == header) continue;
            for (Chunk c : l.chunks()) {
                List<double[]> hit = overlapping(bands, c);
                if (hit.isEmpty()) bands.add(new double[] {c.x1(), c.x2()});
                else if (hit.size() == 1) {
                    double[] b = hit.get(0);
                    b[0] = Math.min(b[0], c.x1());
                    b[1] = Math.max(b[1], c.x2());
                }
            }
        }
        bands.sort(Comparator.comparingDouble(b -> b[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] b : bands) {
            if (!merged.isEmpty() && b[0] < merged.get(merged.size() - 1)[1]) {
                double[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], b[1]);
            } else merged.add(b);
        }
        return merged;
    }

    private static List<double[]> overlapping(List<double[]> bands, Chunk c) {
        List<double[]> out = new ArrayList<>();
        for (double[] b : bands) if (c.x1() < b[1] && c.x2() > b[0]) out.add(b);
        return out;
    }

    /** A row under construction: its cells' text pieces by column, with the baseline of each piece. */
    private static final class Row {
        final double baseline;
        final boolean anchor;
        final List<List<double[]>> order = new ArrayList<>();
        final List<List<String>> pieces = new ArrayList<>();
        final int[] span;

        Row(double baseline, boolean anchor, int cols) {
            this.baseline = baseline;
            this.anchor = anchor;
            this.span = new int[cols];
            for (int i = 0; i < cols; i++) {
                pieces.add(new ArrayList<>());
                order.add(new ArrayList<>());
            }
        }

        void add(int col, int colSpan, String text, double baseline) {
            pieces.get(col).add(text);
            order.get(col).add(new double[] {baseline});
            span[col] = Math.max(span[col], colSpan);
        }

        String text(int col) {
            List<String> ps = pieces.get(col);
            List<double[]> ys = order.get(col);
            Integer[] idx = new Integer[ps.size()];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            java.util.Arrays.sort(idx, Comparator.comparingDouble(i -> ys.get(i)[0]));
            List<String> sorted = new ArrayList<>();
            for (int i : idx) sorted.add(ps.get(i));
            return TableBuilder.joinPieces(sorted);
        }
    }

    static Grid.Table table(List<Line> region, int page) {
        List<double[]> bands = bands(region);
        int cols = bands.size();
        boolean anyNumbers = region.stream().anyMatch(Line::hasNumber);
        int firstAnchor = -1;
        for (int i = 0; i < region.size(); i++) if (region.get(i).hasNumber()) { firstAnchor = i; break; }
        List<Row> rows = new ArrayList<>();
        List<Line> fragments = new ArrayList<>();
        for (int i = 0; i < region.size(); i++) {
            Line l = region.get(i);
            // header lines (before the first numbers) are rows of their own; later label-only lines are wrap fragments
            boolean anchor = !anyNumbers || i <= firstAnchor || l.hasNumber();
            if (!anchor) {
                fragments.add(l);
                continue;
            }
            Row row = new Row(l.baseline(), l.hasNumber(), cols);
            place(row, l, bands);
            rows.add(row);
        }
        for (Line f : fragments) {
            Row best = null;
            double bestDist = Double.MAX_VALUE;
            for (Row r : rows) {
                if (!r.anchor) continue;
                double d = Math.abs(r.baseline - f.baseline());
                if (d < bestDist) {
                    bestDist = d;
                    best = r;
                }
            }
            if (best != null && bestDist <= 1.9 * f.size()) {
                place(best, f, bands);
            } else {
                // a row of its own (e.g. a label whose values are all blank)
                Row row = new Row(f.baseline(), false, cols);
                place(row, f, bands);
                int at = 0;
                while (at < rows.size() && rows.get(at).baseline < f.baseline()) at++;
                rows.add(at, row);
            }
        }
        String[][] text = new String[rows.size()][cols];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols; c++) text[r][c] = rows.get(r).pieces.get(c).isEmpty() ? null : rows.get(r).text(c);
        }
        int body = 0; // header rows (above the first row with numbers) never join a vertical label
        while (body < rows.size() && !rows.get(body).anchor) body++;
        int[][] rowSpan = joinVerticalLabels(text, region, bands, body);
        TableBuilder tb = new TableBuilder();
        tb.touchColumns(cols);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            tb.touchRow(r);
            for (int c = 0; c < cols; c++) {
                if (text[r][c] == null) continue;
                double[] b = bands.get(c);
                tb.put(r, c, rowSpan[r][c], Math.max(1, row.span[c]), text[r][c], page, b[0], row.baseline, b[1] - b[0], Double.NaN);
            }
        }
        return tb.build();
    }

    private static final Pattern SHORT_CJK = Pattern.compile("^[\\u3000-\\u303F\\u4E00-\\u9FFF\\uFF00-\\uFFEF]{1,3}$");

    /**
     * A label set vertically one character per line in a column that holds no numbers comes out as a run of
     * one-to-three-character cells down the rows; it is joined into one cell spanning those rows (the covered
     * cells become continuation copies). Returns the row span of each cell (1 where nothing was joined).
     */
    private static int[][] joinVerticalLabels(String[][] text, List<Line> region, List<double[]> bands, int body) {
        int rows = text.length, cols = bands.size();
        int[][] span = new int[rows][cols];
        for (int[] s : span) java.util.Arrays.fill(s, 1);
        for (int c = 0; c < cols; c++) {
            if (hasNumberInBand(region, bands.get(c))) continue;
            int r = body;
            while (r < rows) {
                if (text[r][c] == null || !SHORT_CJK.matcher(text[r][c]).matches()) { r++; continue; }
                int last = r, count = 0;
                for (int k = r; k < rows; k++) {
                    if (text[k][c] == null) continue;
                    if (!SHORT_CJK.matcher(text[k][c]).matches()) break;
                    last = k;
                    count++;
                }
                if (count >= 3) {
                    StringBuilder sb = new StringBuilder();
                    for (int k = r; k <= last; k++) if (text[k][c] != null) { sb.append(text[k][c]); if (k > r) text[k][c] = null; }
                    text[r][c] = sb.toString();
                    span[r][c] = last - r + 1;
                }
                r = last + 1;
            }
        }
        return span;
    }

    private static boolean hasNumberInBand(List<Line> region, double[] band) {
        for (Line l : region) for (Chunk ch : l.chunks()) {
            double cx = (ch.x1() + ch.x2()) / 2;
            if (ch.numeric() && cx >= band[0] && cx <= band[1]) return true;
        }
        return false;
    }

    /** Puts each chunk of the line into the band holding it (a chunk over several bands spans them). */
    private static void place(Row row, Line l, List<double[]> bands) {
        for (Chunk c : l.chunks()) {
            int first = -1, last = -1;
            for (int i = 0; i < bands.size(); i++) {
                double[] b = bands.get(i);
                double overlap = Math.min(b[1], c.x2()) - Math.max(b[0], c.x1());
                if (overlap > 0) {
                    if (first < 0) first = i;
                    last = i;
                }
            }
            if (first < 0) { // between bands: the nearest by centre
                double cx = (c.x1() + c.x2()) / 2, best = Double.MAX_VALUE;
                for (int i = 0; i < bands.size(); i++) {
                    double d = Math.abs((bands.get(i)[0] + bands.get(i)[1]) / 2 - cx);
                    if (d < best) { best = d; first = last = i; }
                }
            }
            if (c.numeric()) { // a number belongs to exactly one column: the band holding its centre
                double cx = (c.x1() + c.x2()) / 2;
                for (int i = first; i <= last; i++) if (cx >= bands.get(i)[0] && cx <= bands.get(i)[1]) first = last = i;
                last = first;
            }
            row.add(first, last - first + 1, c.text(), c.baseline());
        }
    }
}
