package io.disclosurelake.read;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.disclosurelake.spec.QuarantineReason;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.HWPFOldDocument;
import org.apache.poi.hwpf.OldWordFileFormatException;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableCell;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Word 97–2003 documents (POI HWPF). Paragraphs and tables in order; a cell's grid column comes from its
 * left edge among all the table's cell edges (so a wide cell spans the columns it covers); vertically merged
 * cells, which HWPF gives empty, carry the first cell's text as continuation copies.
 */
public final class DocReader implements FormatReader {

    @Override
    public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        if (bytes.length == 0) throw new UnreadableDocumentException(QuarantineReason.EMPTY, "DOC file is empty");
        if (FormatSniffer.isEncryptedOffice(bytes)) {
            throw new UnreadableDocumentException(QuarantineReason.ENCRYPTED, "password-protected Office file");
        }
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            try (HWPFDocument doc = new HWPFDocument(fs)) {
                return read(doc.getRange(), limits);
            } catch (OldWordFileFormatException old) {
                // Word 6/95: text only, one paragraph per line
                try (HWPFOldDocument doc = new HWPFOldDocument(fs)) {
                    List<Grid.Block> blocks = new ArrayList<>();
                    for (String line : clean(doc.getDocumentText()).split("[\r\n]")) paragraph(blocks, line);
                    return new Grid(blocks, null);
                }
            }
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocumentException(QuarantineReason.ENCRYPTED, "DOC is password-protected", e);
        } catch (Exception | StackOverflowError e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "DOC cannot be parsed: " + e, e);
        }
    }

    private static Grid read(Range range, ReadLimits limits) throws UnreadableDocumentException {
        List<Grid.Block> blocks = new ArrayList<>();
        long chars = 0;
        int n = range.numParagraphs();
        for (int i = 0; i < n; i++) {
            Paragraph p = range.getParagraph(i);
            if (p.isInTable()) {
                if (limits.pastDeadline()) throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, "DOC read past deadline");
                Table t = range.getTable(p);
                Grid.Table table = table(t);
                if (table != null) blocks.add(table);
                i += Math.max(1, t.numParagraphs()) - 1;
                // HWPF may report a table that ends before the next in-table paragraph: skip on to the table's end
                while (i + 1 < n && range.getParagraph(i + 1).isInTable()
                        && range.getParagraph(i + 1).getStartOffset() < t.getEndOffset()) i++;
                continue;
            }
            String text = p.text();
            chars += text.length();
            if (chars > limits.maxTextChars()) throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "DOC text over limit");
            paragraph(blocks, clean(text));
        }
        return new Grid(blocks, null);
    }

    private static void paragraph(List<Grid.Block> blocks, String text) {
        String s = TableBuilder.clean(text);
        if (!s.isEmpty()) blocks.add(new Grid.Paragraph(s, null));
    }

    private static Grid.Table table(Table t) {
        // grid columns: the distinct cell edges of the whole table (in twips; close edges are one)
        TreeSet<Integer> edges = new TreeSet<>();
        for (int r = 0; r < t.numRows(); r++) {
            TableRow row = t.getRow(r);
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                edges.add(cell.getLeftEdge());
                edges.add(cell.getLeftEdge() + cell.getWidth());
            }
        }
        List<Integer> grid = new ArrayList<>();
        for (int e : edges) if (grid.isEmpty() || e - grid.get(grid.size() - 1) > 30) grid.add(e);
        TableBuilder tb = new TableBuilder();
        // first pass: raw cells with their grid columns
        List<List<int[]>> pos = new ArrayList<>(); // {col, span, merged(0 none, 1 first, 2 continue)}
        List<List<String>> texts = new ArrayList<>();
        for (int r = 0; r < t.numRows(); r++) {
            TableRow row = t.getRow(r);
            List<int[]> ps = new ArrayList<>();
            List<String> ts = new ArrayList<>();
            for (int c = 0; c < row.numCells(); c++) {
                TableCell cell = row.getCell(c);
                int col = column(grid, cell.getLeftEdge());
                int end = column(grid, cell.getLeftEdge() + cell.getWidth());
                int v = cell.isVerticallyMerged() ? (cell.isFirstVerticallyMerged() ? 1 : 2) : 0;
                String text = cellText(cell);
                if (cell.isMerged() && !cell.isFirstMerged() && !ps.isEmpty()) {
                    int[] prev = ps.get(ps.size() - 1); // old-style horizontal merge: widen the previous cell
                    prev[1] = Math.max(prev[1], end - prev[0]);
                    continue;
                }
                ps.add(new int[] {col, Math.max(1, end - col), v});
                ts.add(text);
            }
            pos.add(ps);
            texts.add(ts);
        }
        for (int r = 0; r < pos.size(); r++) {
            tb.touchRow(r);
            for (int k = 0; k < pos.get(r).size(); k++) {
                int[] p = pos.get(r).get(k);
                if (p[2] == 2 && tb.isTaken(r, p[0])) continue; // covered by the first merged cell above
                int rowSpan = 1;
                for (int below = r + 1; below < pos.size(); below++) {
                    int[] q = at(pos.get(below), p[0]);
                    if (q == null || q[2] != 2) break;
                    rowSpan++;
                }
                tb.put(r, p[0], rowSpan, p[1], texts.get(r).get(k));
            }
        }
        tb.touchColumns(Math.max(1, grid.size() - 1));
        return tb.isEmpty() && pos.isEmpty() ? null : tb.build();
    }

    private static int[] at(List<int[]> row, int col) {
        for (int[] p : row) if (p[0] == col) return p;
        return null;
    }

    private static int column(List<Integer> grid, int edge) {
        int best = 0;
        for (int i = 0; i < grid.size(); i++) if (Math.abs(grid.get(i) - edge) < Math.abs(grid.get(best) - edge)) best = i;
        return best;
    }

    private static String cellText(TableCell cell) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < cell.numParagraphs(); i++) pieces.add(clean(cell.getParagraph(i).text()));
        return TableBuilder.joinPieces(pieces);
    }

    /** Removes field codes (keeping field results), cell and row marks and other control characters. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        // one entry per open field: true while in its code part; text shows only when no open field is in code
        java.util.ArrayDeque<Boolean> fields = new java.util.ArrayDeque<>();
        int inCode = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0013') { fields.push(true); inCode++; continue; }
            if (c == '\u0014') { if (!fields.isEmpty() && fields.peek()) { fields.pop(); fields.push(false); inCode--; } continue; }
            if (c == '\u0015') { if (!fields.isEmpty() && fields.pop()) inCode--; continue; }
            if (inCode > 0) continue;
            if (c == '\u0007' || c == '\u0001' || c == '\u0008' || c == '\u0002' || c == '\u0005') continue;
            if (c == '\u000B' || c == '\r' || c == '\f') { out.append('\n'); continue; }
            out.append(c);
        }
        return out.toString();
    }
}
