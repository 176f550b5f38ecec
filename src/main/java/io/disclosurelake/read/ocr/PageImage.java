package io.disclosurelake.read.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A scanned page as grey levels with the image operations table OCR needs: scaling down to a size cap,
 * deskewing by projection profile, ruling lines from long dark runs, and lines of print by projection.
 * Coordinates are pixels, y downward.
 */
public final class PageImage {
    /** A page is scaled so that its long side is at most this (the models need no more than ~200 dpi). */
    public static final int MAX_SIDE = 2400;

    public final BufferedImage image; // TYPE_BYTE_GRAY
    public final int width, height;
    final byte[] gray;
    /** Dark pixels (ink) after a global Otsu threshold. */
    final boolean[] ink;
    /** Pixels dark enough to belong to a rule: a lighter threshold, since a thin rule turned or scaled turns grey. */
    final boolean[] ruleInk;
    /** Pixels per inch of the page as given (used to turn pixels into points and to size the line tests). */
    public final double dpi;
    /** The angle (degrees) the page was turned by to straighten it. */
    public final double skew;

    private PageImage(BufferedImage grayImage, double dpi, double skew) {
        this.image = grayImage;
        this.width = grayImage.getWidth();
        this.height = grayImage.getHeight();
        this.gray = new byte[width * height];
        grayImage.getRaster().getDataElements(0, 0, width, height, gray);
        this.dpi = dpi;
        this.skew = skew;
        int t = otsu(gray);
        ink = new boolean[gray.length];
        for (int i = 0; i < gray.length; i++) ink[i] = (gray[i] & 0xFF) < t;
        int rt = Math.min(t + 60, 215);
        ruleInk = new boolean[gray.length];
        for (int i = 0; i < gray.length; i++) ruleInk[i] = (gray[i] & 0xFF) < rt;
    }

    /**
     * The page straightened: {@code dpi} is the resolution of {@code src} (null: guessed from the size of an
     * A4 page). Skew is searched within ±{@code maxSkew} degrees.
     */
    public static PageImage of(BufferedImage src, Double dpi, double maxSkew) {
        double d = dpi != null ? dpi : Math.max(src.getWidth(), src.getHeight()) / 11.69;
        int longSide = Math.max(src.getWidth(), src.getHeight());
        double scale = longSide > MAX_SIDE ? (double) MAX_SIDE / longSide : 1.0;
        BufferedImage g = whitenPaper(toGray(src, scale));
        PageImage raw = new PageImage(g, d * scale, 0);
        double angle = raw.skewAngle(maxSkew);
        if (Math.abs(angle) < 0.05) return raw;
        return new PageImage(rotate(g, angle), d * scale, angle);
    }

    static BufferedImage toGray(BufferedImage src, double scale) {
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale)), h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        BufferedImage g = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, w, h);
        gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        gr.drawImage(src, 0, 0, w, h, null);
        gr.dispose();
        return g;
    }

    /**
     * A scan on grey paper (its median grey under 245: toned paper, sensor grain, JPEG) is levelled: paper to white,
     * the darkest 0.5% to black, and the tones between lifted by a gamma of 0.45 (as a display would show them).
     * Blur and JPEG leave a grey halo around every stroke on such pages, which the ink thresholds took for print,
     * so that lines of text ran together into false rules and the tables were lost. White paper is left as it is.
     */
    static BufferedImage whitenPaper(BufferedImage g) {
        byte[] px = ((java.awt.image.DataBufferByte) g.getRaster().getDataBuffer()).getData();
        long[] hist = new long[256];
        for (byte b : px) hist[b & 0xFF]++;
        int paper = 0, black = 0;
        for (long acc = 0; acc + hist[paper] < px.length / 2; paper++) acc += hist[paper];
        if (paper >= 245) return g;
        for (long acc = 0; acc + hist[black] < px.length / 200; black++) acc += hist[black];
        if (paper - black < 40) return g;
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            double x = Math.max(0, Math.min(1, (v - black) / (double) (paper - black)));
            lut[v] = (byte) Math.round(255 * Math.pow(x, 0.45));
        }
        for (int i = 0; i < px.length; i++) px[i] = lut[px[i] & 0xFF];
        return g;
    }

    static BufferedImage rotate(BufferedImage g, double degrees) {
        BufferedImage out = new BufferedImage(g.getWidth(), g.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = out.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, g.getWidth(), g.getHeight());
        gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        gr.drawImage(g, AffineTransform.getRotateInstance(Math.toRadians(-degrees), g.getWidth() / 2.0, g.getHeight() / 2.0), null);
        gr.dispose();
        return out;
    }

    public boolean ink(int x, int y) { return ink[y * width + x]; }

    public int grayAt(int x, int y) { return gray[y * width + x] & 0xFF; }

    /**
     * The skew of the page: the angle whose row projection of the ink is sharpest (sum of squared row counts),
     * searched coarse then fine. Positive means the print runs down to the right.
     */
    double skewAngle(double maxSkew) {
        if (maxSkew <= 0) return 0;
        // a sample of ink points keeps this cheap on a dense page
        List<int[]> pts = new ArrayList<>();
        // every row, every k-th column: sampling rows too would favour angle 0 (its profile hits only sampled rows)
        int step = Math.max(1, width * height / 400_000);
        for (int y = 0; y < height; y++) for (int x = y % step; x < width; x += step) if (ink[y * width + x]) pts.add(new int[] {x, y});
        if (pts.size() < 50) return 0;
        double best = 0, bestScore = -1;
        for (double a = -maxSkew; a <= maxSkew + 1e-9; a += 0.25) {
            double s = profileScore(pts, a);
            if (s > bestScore) { bestScore = s; best = a; }
        }
        double center = best;
        for (double a = center - 0.25; a <= center + 0.25 + 1e-9; a += 0.05) {
            double s = profileScore(pts, a);
            if (s > bestScore) { bestScore = s; best = a; }
        }
        return best;
    }

    private double profileScore(List<int[]> pts, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int[] rows = new int[height * 2 + 2];
        for (int[] p : pts) {
            int y = (int) Math.round(p[1] - (p[0] - width / 2.0) * t) + height / 2;
            if (y >= 0 && y < rows.length) rows[y]++;
        }
        double s = 0;
        for (int r : rows) s += (double) r * r;
        return s;
    }

    /** A straight ruling line found in the image: horizontal ones have y1 == y2. */
    public record Line(double x1, double y1, double x2, double y2, int thickness) {
        public boolean horizontal() { return y1 == y2; }
    }

    /**
     * Ruling lines: runs of ink at least {@code minLength} pixels long (gaps up to 2 pixels bridged against
     * speckle and JPEG), grouped over adjacent rows (columns) into one line each.
     */
    public List<Line> rulings(int minLength) {
        List<Line> out = new ArrayList<>();
        out.addAll(runs(true, minLength));
        out.addAll(runs(false, minLength));
        return out;
    }

    private List<Line> runs(boolean horizontal, int minLength) {
        int outer = horizontal ? height : width, inner = horizontal ? width : height;
        // segments per outer index: {start, end}
        List<List<int[]>> segs = new ArrayList<>(outer);
        for (int o = 0; o < outer; o++) {
            List<int[]> list = new ArrayList<>();
            int start = -1, lastInk = -10;
            for (int i = 0; i <= inner; i++) {
                boolean on = i < inner && (horizontal ? ruleInk[o * width + i] : ruleInk[i * width + o]);
                if (on) {
                    if (start < 0 || i - lastInk > 3) {
                        if (start >= 0 && lastInk - start + 1 >= minLength) list.add(new int[] {start, lastInk});
                        start = i;
                    }
                    lastInk = i;
                }
            }
            if (start >= 0 && lastInk - start + 1 >= minLength) list.add(new int[] {start, lastInk});
            segs.add(list);
        }
        // join segments of adjacent rows that overlap into one line
        List<Line> lines = new ArrayList<>();
        List<int[]> open = new ArrayList<>(); // {firstO, lastO, start, end}
        for (int o = 0; o <= outer; o++) {
            List<int[]> cur = o < outer ? segs.get(o) : List.of();
            List<int[]> next = new ArrayList<>();
            boolean[] used = new boolean[cur.size()];
            for (int[] g : open) {
                boolean extended = false;
                for (int k = 0; k < cur.size(); k++) {
                    int[] s = cur.get(k);
                    if (!used[k] && s[0] <= g[3] && s[1] >= g[2]) {
                        used[k] = true;
                        g[1] = o;
                        g[2] = Math.min(g[2], s[0]);
                        g[3] = Math.max(g[3], s[1]);
                        extended = true;
                    }
                }
                if (extended) next.add(g);
                else finish(g, horizontal, lines);
            }
            for (int k = 0; k < cur.size(); k++) if (!used[k]) next.add(new int[] {o, o, cur.get(k)[0], cur.get(k)[1]});
            open = next;
        }
        return lines;
    }

    private void finish(int[] g, boolean horizontal, List<Line> lines) {
        int thick = g[1] - g[0] + 1;
        if (thick > 12) return; // a filled block (a stamp, a dark photo), not a rule
        if (flankedByInk(g, horizontal) > MAX_FLANKED) return; // a line of print run together, not a rule
        double pos = (g[0] + g[1]) / 2.0;
        lines.add(horizontal ? new Line(g[2], pos, g[3], pos, thick) : new Line(pos, g[2], pos, g[3], thick));
    }

    /**
     * Share of a rule candidate's length that has ink close beside it on both sides. A rule stands alone but where
     * other rules cross it; a line of bold print that blur and JPEG ran together into one long run (seen on noisy
     * 150-dpi scans) has its characters' strokes above and below it along most of its length. Masking such a false
     * rule out cut the print of the cell in two, and it could split a row of the grid.
     */
    private double flankedByInk(int[] g, boolean horizontal) {
        int len = g[3] - g[2] + 1, both = 0;
        for (int i = g[2]; i <= g[3]; i++) {
            boolean before = false, after = false;
            for (int d = 2; d <= 4; d++) {
                before |= ruleInkAt(horizontal, g[0] - d, i);
                after |= ruleInkAt(horizontal, g[1] + d, i);
            }
            if (before && after) both++;
        }
        return both / (double) len;
    }

    /** A candidate whose length is flanked on both sides by ink more than this is print, not a rule. */
    static final double MAX_FLANKED = 0.35;

    private boolean ruleInkAt(boolean horizontal, int outer, int inner) {
        int x = horizontal ? inner : outer, y = horizontal ? outer : inner;
        return x >= 0 && y >= 0 && x < width && y < height && ruleInk[y * width + x];
    }

    /** Ink count of each row of the box [x0,x1)×[y0,y1). */
    int[] rowProfile(int x0, int y0, int x1, int y1, boolean[] mask) {
        int[] p = new int[Math.max(0, y1 - y0)];
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) {
            int i = y * width + x;
            if (ink[i] && (mask == null || !mask[i])) p[y - y0]++;
        }
        return p;
    }

    /**
     * Lines of print inside the box: bands of rows with ink separated by empty rows, each narrowed to its
     * ink's columns. Ink in {@code mask} (rulings, other tables) is ignored. Boxes are {x0,y0,x1,y1}, exclusive ends.
     */
    public List<int[]> printLines(int x0, int y0, int x1, int y1, boolean[] mask, int minInk) {
        return printLines(x0, y0, x1, y1, mask, minInk, false);
    }

    /**
     * As {@link #printLines(int, int, int, int, boolean[], int)}; {@code joinCharacterParts} also joins a line of one
     * character printed in two parts (for running text only: in a narrow table cell a wrapped word looks the same).
     */
    public List<int[]> printLines(int x0, int y0, int x1, int y1, boolean[] mask, int minInk, boolean joinCharacterParts) {
        x0 = Math.max(0, x0); y0 = Math.max(0, y0); x1 = Math.min(width, x1); y1 = Math.min(height, y1);
        List<int[]> out = new ArrayList<>();
        if (x1 <= x0 || y1 <= y0) return out;
        int[] rows = rowProfile(x0, y0, x1, y1, mask);
        int y = 0;
        while (y < rows.length) {
            if (rows[y] == 0) { y++; continue; }
            int s = y;
            while (y < rows.length && rows[y] > 0) y++;
            int e = y; // exclusive
            int minX = Integer.MAX_VALUE, maxX = -1, count = 0;
            for (int yy = y0 + s; yy < y0 + e; yy++) for (int x = x0; x < x1; x++) {
                int i = yy * width + x;
                if (ink[i] && (mask == null || !mask[i])) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); count++; }
            }
            if (count >= minInk) out.add(withoutEndSpecks(new int[] {minX, y0 + s, maxX + 1, y0 + e}, mask));
        }
        return mergeBands(out, joinCharacterParts);
    }

    /**
     * The band without paper specks at its ends: a speck beside a cell's print (on a noisy scan, often far to the
     * side of a short label in a wide cell) widened the crop over empty, grainy paper, which the recognizer read
     * as made-up characters, or it was read as a digit glued to the number ("02" for "0"). A speck is a group of
     * ink columns smaller than {@code 0.045 inch} both ways, standing apart from the print by at least half the
     * band's height (a minus sign or a decimal point sits close to its digits and stays).
     */
    int[] withoutEndSpecks(int[] band, boolean[] mask) {
        int h = band[3] - band[1], dot = (int) Math.ceil(dpi * 0.045);
        List<int[]> groups = new ArrayList<>(); // {x0, x1 exclusive, y0, y1 exclusive}
        for (int x = band[0]; x < band[2]; x++) {
            int top = -1, bottom = -1;
            for (int y = band[1]; y < band[3]; y++) {
                int i = y * width + x;
                if (ink[i] && (mask == null || !mask[i])) { if (top < 0) top = y; bottom = y + 1; }
            }
            if (top < 0) continue;
            int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && last[1] == x) { last[1] = x + 1; last[2] = Math.min(last[2], top); last[3] = Math.max(last[3], bottom); }
            else groups.add(new int[] {x, x + 1, top, bottom});
        }
        int a = 0, b = groups.size() - 1;
        while (a < b && speck(groups.get(a), dot) && groups.get(a + 1)[0] - groups.get(a)[1] >= h / 2.0) a++;
        while (b > a && speck(groups.get(b), dot) && groups.get(b)[0] - groups.get(b - 1)[1] >= h / 2.0) b--;
        if (a == 0 && b == groups.size() - 1) return band;
        int top = Integer.MAX_VALUE, bottom = -1;
        for (int k = a; k <= b; k++) { top = Math.min(top, groups.get(k)[2]); bottom = Math.max(bottom, groups.get(k)[3]); }
        return new int[] {groups.get(a)[0], top, groups.get(b)[1], bottom};
    }

    private static boolean speck(int[] g, int dot) {
        return g[1] - g[0] < dot && g[3] - g[2] < dot;
    }

    /**
     * Joins bands that are parts of one line of print (a character split by a thin horizontal gap, e.g. 二 or
     * the dots of a colon): a band lower than 0.6 of the median band is joined to the nearer neighbour if close.
     */
    private static List<int[]> mergeBands(List<int[]> bands, boolean joinCharacterParts) {
        if (bands.size() < 2) return bands;
        int[] heights = bands.stream().mapToInt(b -> b[3] - b[1]).sorted().toArray();
        int tallest = heights[heights.length / 2]; // the typical line: tables and pictures must not set the scale
        List<int[]> out = new ArrayList<>(bands);
        // a line of one character whose parts stand apart (告 = 生 over 口, a title wrapped before its last
        // character): two narrow bands close above each other, together about a character square, are one
        for (int i = 0; joinCharacterParts && i + 1 < out.size(); i++) {
            int[] a = out.get(i), b = out.get(i + 1);
            int h = b[3] - a[1], gap = b[1] - a[3], w = Math.max(a[2], b[2]) - Math.min(a[0], b[0]);
            // both parts flat (a whole character or a word is not), together about square
            boolean flat = a[3] - a[1] <= 0.7 * (a[2] - a[0]) && b[3] - b[1] <= 0.7 * (b[2] - b[0]);
            boolean square = h >= 0.7 * w && h <= 1.4 * w;
            boolean overlap = Math.min(a[2], b[2]) > Math.max(a[0], b[0]);
            if (flat && square && overlap && gap <= 0.35 * tallest && h <= 2.5 * tallest) {
                out.set(i, new int[] {Math.min(a[0], b[0]), a[1], Math.max(a[2], b[2]), b[3]});
                out.remove(i + 1);
                i--;
            }
        }
        boolean changed = true;
        while (changed && out.size() > 1) {
            changed = false;
            for (int i = 0; i < out.size(); i++) {
                int[] b = out.get(i);
                if (b[3] - b[1] >= tallest * 0.6) continue;
                int best = -1;
                double bestGap = tallest * 0.5;
                for (int j : new int[] {i - 1, i + 1}) {
                    if (j < 0 || j >= out.size()) continue;
                    int[] n = out.get(j);
                    double gap = j < i ? b[1] - n[3] : n[1] - b[3];
                    int joined = Math.max(b[3], n[3]) - Math.min(b[1], n[1]);
                    if (gap <= bestGap && joined <= tallest * 1.3) { best = j; bestGap = gap; }
                }
                if (best >= 0) {
                    int[] n = out.get(best);
                    int[] m = {Math.min(b[0], n[0]), Math.min(b[1], n[1]), Math.max(b[2], n[2]), Math.max(b[3], n[3])};
                    out.set(Math.min(i, best), m);
                    out.remove(Math.max(i, best));
                    changed = true;
                    break;
                }
            }
        }
        return out;
    }

    /** The share of the box's pixels that are ink (pixels under {@code mask} left out of both counts). */
    public double inkShare(int x0, int y0, int x1, int y1, boolean[] mask) {
        long inkPx = 0, all = 0;
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                int i = y * width + x;
                if (mask != null && mask[i]) continue;
                all++;
                if (ink[i]) inkPx++;
            }
        }
        return all == 0 ? 0 : inkPx / (double) all;
    }

    /**
     * The lean of the print in the box: the slope dx/dy (y down) of the line fitted through each ink row's middle,
     * or NaN when fewer than 8 rows hold ink. A slash leans right (about −0.4), a 1 stands upright (its flag at the
     * top left tilts it slightly the other way).
     */
    public double slant(int x0, int y0, int x1, int y1, boolean[] mask) {
        double sy = 0, sx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            long sum = 0;
            int count = 0;
            for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                int i = y * width + x;
                if (ink[i] && (mask == null || !mask[i])) { sum += x; count++; }
            }
            if (count == 0) continue;
            double mid = sum / (double) count;
            sy += y; sx += mid; syy += (double) y * y; sxy += y * mid;
            n++;
        }
        if (n < 8) return Double.NaN;
        double var = syy - sy * sy / n;
        return var <= 0 ? Double.NaN : (sxy - sy * sx / n) / var;
    }

    /** The box cut out of the page with {@code pad} white pixels of margin, as an image for the recognizer. */
    public BufferedImage crop(int x0, int y0, int x1, int y1, int pad, boolean[] mask) {
        int w = x1 - x0 + 2 * pad, h = y1 - y0 + 2 * pad;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = new byte[w * h];
        java.util.Arrays.fill(px, (byte) 0xFF);
        for (int y = Math.max(0, y0); y < Math.min(height, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x1); x++) {
                int i = y * width + x;
                if (mask != null && mask[i]) continue;
                px[(y - y0 + pad) * w + (x - x0 + pad)] = gray[i];
            }
        }
        out.getRaster().setDataElements(0, 0, w, h, px);
        return out;
    }

    static int otsu(byte[] g) {
        long[] hist = new long[256];
        for (byte b : g) hist[b & 0xFF]++;
        long total = g.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) sum += (double) i * hist[i];
        double sumB = 0, best = -1;
        long wB = 0;
        int t = 128;
        for (int i = 0; i < 256; i++) {
            wB += hist[i];
            if (wB == 0) continue;
            long wF = total - wB;
            if (wF == 0) break;
            sumB += (double) i * hist[i];
            double mB = sumB / wB, mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) { best = between; t = i + 1; }
        }
        // a nearly blank page has no real split: keep ink to clearly dark pixels
        return Math.min(t, 200);
    }
}
