package io.disclosurelake.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.disclosurelake.read.PdfPageContent.Glyph;
import io.disclosurelake.read.PdfPageContent.Ruling;

/**
 * Tables drawn with ruling lines (tabula's lattice mode): connected horizontal and vertical lines form a
 * table area; the distinct line positions form a grid; a grid cell whose border line is missing is merged
 * with its neighbour; every glyph goes to the cell that holds its centre.
 */
final class PdfLatticeTables {
    private PdfLatticeTables() {}

    private static final double TOL = 2.0;

    /** A table area: its rulings and bounding box. */
    static final class Area {
        final List<Ruling> horizontal = new ArrayList<>();
        final List<Ruling> vertical = new ArrayList<>();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;

        void add(Ruling r) {
            (r.horizontal() ? horizontal : vertical).add(r);
            minX = Math.min(minX, r.x1());
            maxX = Math.max(maxX, r.x2());
            minY = Math.min(minY, r.y1());
            maxY = Math.max(maxY, r.y2());
        }

        double top() { return minY; }

        boolean contains(Glyph g) {
            double cx = g.centerX(), cy = g.centerY();
            return cx >= minX - 0.5 && cx <= maxX + 0.5 && cy >= minY - 0.5 && cy <= maxY + 0.5;
        }

        /** The table of this area with {@code glyphs} (all inside it) assigned to cells; null if degenerate. */
        Grid.Table table(List<Glyph> glyphs, int page) {
            double[] xs = positions(vertical, true, minX, maxX);
            double[] ys = positions(horizontal, false, minY, maxY);
            List<Ruling> horizontal = new ArrayList<>(this.horizontal);
            ys = splitUnruledRows(glyphs, xs, ys, horizontal);
            List<CellBox> boxes = cells(xs, ys, horizontal);
            if (boxes == null) return null;
            int cols = xs.length - 1;
            java.util.Map<Integer, List<Glyph>> cellGlyphs = new java.util.HashMap<>();
            int[] owner = new int[(ys.length - 1) * cols];
            for (int i = 0; i < boxes.size(); i++) {
                CellBox b = boxes.get(i);
                for (int r = b.row(); r < b.row() + b.rowSpan(); r++)
                    for (int c = b.col(); c < b.col() + b.colSpan(); c++) owner[r * cols + c] = i;
            }
            for (Glyph g : glyphs) {
                int r = interval(ys, g.centerY()), c = interval(xs, g.centerX());
                cellGlyphs.computeIfAbsent(owner[r * cols + c], k -> new ArrayList<>()).add(g);
            }
            TableBuilder tb = new TableBuilder();
            tb.touchRow(ys.length - 2);
            tb.touchColumns(cols);
            for (int i = 0; i < boxes.size(); i++) {
                CellBox b = boxes.get(i);
                List<Glyph> gs = cellGlyphs.get(i);
                tb.put(b.row(), b.col(), b.rowSpan(), b.colSpan(), gs == null ? "" : cellText(gs), page, b.x(), b.y(), b.width(), b.height());
            }
            return tb.build();
        }

        /** The cells of this area from its rulings alone (a scanned page has no glyphs); null if degenerate. */
        Layout layout() {
            double[] xs = positions(vertical, true, minX, maxX);
            double[] ys = positions(horizontal, false, minY, maxY);
            List<CellBox> boxes = cells(xs, ys, horizontal);
            return boxes == null ? null : new Layout(ys.length - 1, xs.length - 1, boxes);
        }

        /**
         * Grid cells between the line positions, merged across any border no ruling covers, in row-major order
         * of their top-left corners; null when the grid is degenerate (under two cells: a frame, not a table).
         */
        private List<CellBox> cells(double[] xs, double[] ys, List<Ruling> horizontal) {
            int cols = xs.length - 1, rows = ys.length - 1;
            if (cols < 1 || rows < 1) return null;
            // union-find over grid cells: merge across a border no ruling covers
            int[] parent = new int[rows * cols];
            for (int i = 0; i < parent.length; i++) parent[i] = i;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (c + 1 < cols && !covered(vertical, xs[c + 1], ys[r], ys[r + 1], true)) union(parent, r * cols + c, r * cols + c + 1);
                    if (r + 1 < rows && !covered(horizontal, ys[r + 1], xs[c], xs[c + 1], false)) union(parent, r * cols + c, (r + 1) * cols + c);
                }
            }
            int n = rows * cols;
            int[] minR = new int[n], minC = new int[n], maxR = new int[n], maxC = new int[n];
            Arrays.fill(minR, Integer.MAX_VALUE);
            Arrays.fill(minC, Integer.MAX_VALUE);
            Arrays.fill(maxR, -1);
            Arrays.fill(maxC, -1);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int root = find(parent, r * cols + c);
                    minR[root] = Math.min(minR[root], r);
                    minC[root] = Math.min(minC[root], c);
                    maxR[root] = Math.max(maxR[root], r);
                    maxC[root] = Math.max(maxC[root], c);
                }
            }
            // cells in row-major order of their top-left corner
            Integer[] roots = new Integer[n];
            int k = 0;
            for (int i = 0; i < n; i++) if (find(parent, i) == i) roots[k++] = i;
            if (k < 2) return null; // a frame around text (a box), not a table
            roots = Arrays.copyOf(roots, k);
            Arrays.sort(roots, Comparator.<Integer>comparingInt(i -> minR[i]).thenComparingInt(i -> minC[i]));
            List<CellBox> out = new ArrayList<>(k);
            for (int root : roots) {
                int r0 = minR[root], c0 = minC[root];
                out.add(new CellBox(r0, c0, maxR[root] - r0 + 1, maxC[root] - c0 + 1,
                        xs[c0], ys[r0], xs[maxC[root] + 1] - xs[c0], ys[maxR[root] + 1] - ys[r0]));
            }
            return out;
        }
    }

    /** A cell of a ruled grid: grid position with spans and its box. */
    record CellBox(int row, int col, int rowSpan, int colSpan, double x, double y, double width, double height) {}

    /** The cells of a ruled table area: grid size and cell boxes. */
    record Layout(int rows, int cols, List<CellBox> cells) {}

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("^[-+]?[0-9][0-9,.]*%?$");

    /**
     * Rows drawn without horizontal lines (only the columns are ruled): grid cells in two or more columns
     * each holding two or more lines that are each a number can only be several rows. Such a grid row is cut
     * between the baselines of its number lines, and the cuts act as drawn lines; a wrapped label goes with
     * the numbers nearest to it.
     */
    private static double[] splitUnruledRows(List<Glyph> glyphs, double[] xs, double[] ys, List<Ruling> horizontal) {
        List<Double> cuts = new ArrayList<>();
        for (int r = 0; r < ys.length - 1; r++) {
            List<List<Glyph>> byCol = new ArrayList<>();
            for (int c = 0; c < xs.length - 1; c++) byCol.add(new ArrayList<>());
            for (Glyph g : glyphs) {
                if (g.centerY() < ys[r] || g.centerY() > ys[r + 1]) continue;
                byCol.get(interval(xs, g.centerX())).add(g);
            }
            int multiNumberCells = 0; // two such cells: one could be a long amount wrapped inside its cell
            List<Double> baselines = new ArrayList<>();
            double size = 0;
            for (List<Glyph> cell : byCol) {
                int numeric = 0;
                for (List<Glyph> line : PdfReader.lines(cell)) {
                    if (NUMBER.matcher(PdfReader.lineText(line)).matches()) {
                        numeric++;
                        baselines.add(line.get(0).baseline());
                        size = Math.max(size, line.get(0).height());
                    }
                }
                if (numeric >= 2) multiNumberCells++;
            }
            if (multiNumberCells < 2) continue;
            baselines.sort(Double::compare);
            List<Double> distinct = new ArrayList<>();
            for (double b : baselines) if (distinct.isEmpty() || b - distinct.get(distinct.size() - 1) > 0.5 * size) distinct.add(b);
            for (int i = 0; i + 1 < distinct.size(); i++) {
                // the cut sits just above the next baseline's glyph tops, i.e. midway between the lines' centres
                double cut = (distinct.get(i) + distinct.get(i + 1)) / 2 - size / 2;
                cuts.add(cut);
                horizontal.add(new Ruling(xs[0], cut, xs[xs.length - 1], cut));
            }
        }
        if (cuts.isEmpty()) return ys;
        double[] out = java.util.Arrays.copyOf(ys, ys.length + cuts.size());
        for (int i = 0; i < cuts.size(); i++) out[ys.length + i] = cuts.get(i);
        java.util.Arrays.sort(out);
        return out;
    }

    /** A cell's text: its lines top to bottom, joined without a separator (wrapped and vertical labels). */
    static String cellText(List<Glyph> glyphs) {
        List<String> pieces = new ArrayList<>();
        for (List<Glyph> line : PdfReader.lines(glyphs)) pieces.add(PdfReader.lineText(line));
        return TableBuilder.joinPieces(pieces);
    }

    /** Table areas on a page: connected groups of rulings with at least two lines in each direction. */
    static List<Area> areas(List<Ruling> rulings) {
        List<Ruling> merged = merge(rulings);
        int n = merged.size();
        if (n < 4) return List.of();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            Ruling a = merged.get(i);
            if (!a.horizontal()) continue;
            for (int j = 0; j < n; j++) {
                Ruling b = merged.get(j);
                if (b.horizontal()) continue;
                if (b.x1() >= a.x1() - TOL && b.x1() <= a.x2() + TOL && a.y1() >= b.y1() - TOL && a.y1() <= b.y2() + TOL) {
                    union(parent, i, j);
                }
            }
        }
        List<Area> out = new ArrayList<>();
        java.util.Map<Integer, Area> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) byRoot.computeIfAbsent(find(parent, i), x -> new Area()).add(merged.get(i));
        for (Area a : byRoot.values()) {
            if (a.horizontal.size() >= 2 && a.vertical.size() >= 2 && a.maxX - a.minX > 10 && a.maxY - a.minY > 5) out.add(a);
        }
        out.sort(Comparator.comparingDouble(Area::top));
        return out;
    }

    /** Joins collinear, overlapping or touching segments (cell borders are often drawn cell by cell). */
    static List<Ruling> merge(List<Ruling> rulings) {
        List<Ruling> out = new ArrayList<>();
        for (boolean horizontal : new boolean[] {true, false}) {
            List<double[]> segs = new ArrayList<>(); // {position, start, end}
            for (Ruling r : rulings) {
                if (r.horizontal() != horizontal) continue;
                segs.add(horizontal ? new double[] {r.y1(), r.x1(), r.x2()} : new double[] {r.x1(), r.y1(), r.y2()});
            }
            segs.sort(Comparator.<double[]>comparingDouble(s -> s[0]).thenComparingDouble(s -> s[1]));
            List<double[]> groups = new ArrayList<>();
            int i = 0;
            while (i < segs.size()) {
                int j = i;
                double pos = segs.get(i)[0];
                List<double[]> same = new ArrayList<>();
                while (j < segs.size() && segs.get(j)[0] - pos <= 1.0) same.add(segs.get(j++));
                double avg = same.stream().mapToDouble(s -> s[0]).average().orElse(pos);
                same.sort(Comparator.comparingDouble(s -> s[1]));
                double start = same.get(0)[1], end = same.get(0)[2];
                for (double[] s : same.subList(1, same.size())) {
                    if (s[1] <= end + TOL) end = Math.max(end, s[2]);
                    else {
                        groups.add(new double[] {avg, start, end});
                        start = s[1];
                        end = s[2];
                    }
                }
                groups.add(new double[] {avg, start, end});
                i = j;
            }
            for (double[] g : groups) {
                out.add(horizontal ? new Ruling(g[1], g[0], g[2], g[0]) : new Ruling(g[0], g[1], g[0], g[2]));
            }
        }
        return out;
    }

    /** Distinct positions of the lines (clustered within the tolerance), including the area's edges. */
    private static double[] positions(List<Ruling> lines, boolean vertical, double min, double max) {
        List<Double> ps = new ArrayList<>();
        ps.add(min);
        ps.add(max);
        for (Ruling r : lines) ps.add(vertical ? r.x1() : r.y1());
        ps.sort(Double::compare);
        List<Double> out = new ArrayList<>();
        for (double p : ps) {
            if (out.isEmpty() || p - out.get(out.size() - 1) > TOL) out.add(p);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** True when some line at {@code pos} covers the middle of the border from {@code from} to {@code to}. */
    private static boolean covered(List<Ruling> lines, double pos, double from, double to, boolean vertical) {
        double mid = (from + to) / 2;
        double need = Math.min((to - from) * 0.3, 4);
        for (Ruling r : lines) {
            double p = vertical ? r.x1() : r.y1();
            if (Math.abs(p - pos) > TOL) continue;
            double s = vertical ? r.y1() : r.x1(), e = vertical ? r.y2() : r.x2();
            if (s <= mid - need + TOL && e >= mid + need - TOL) return true;
        }
        return false;
    }

    private static int interval(double[] edges, double v) {
        int i = Arrays.binarySearch(edges, v);
        if (i < 0) i = -i - 2;
        return Math.max(0, Math.min(edges.length - 2, i));
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a), rb = find(p, b);
        if (ra != rb) p[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
