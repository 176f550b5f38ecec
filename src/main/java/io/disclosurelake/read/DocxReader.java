package io.disclosurelake.read;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import io.disclosurelake.spec.QuarantineReason;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSdtBlock;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;

/**
 * Word 2007+ documents (POI XWPF). Walks the body XML in order, descending into content controls (SDTs),
 * so paragraphs and tables keep their reading order. Tables are laid on the grid by summing gridSpan;
 * vMerge/hMerge become spans with continuation copies; nested tables are emitted as tables of their own.
 */
public final class DocxReader implements FormatReader {

    @Override
    public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        ZipContainerCheck.check(bytes, limits, "DOCX");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            Walk walk = new Walk(doc, limits);
            walk.body(doc.getDocument().getBody());
            return new Grid(walk.blocks, null);
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocumentException(QuarantineReason.ENCRYPTED, "DOCX is password-protected", e);
        } catch (Exception | StackOverflowError e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "DOCX cannot be parsed: " + e, e);
        }
    }

    private static final class Walk {
        final XWPFDocument doc;
        final ReadLimits limits;
        final List<Grid.Block> blocks = new ArrayList<>();
        long chars;

        Walk(XWPFDocument doc, ReadLimits limits) {
            this.doc = doc;
            this.limits = limits;
        }

        /** Children of the body (or of an SDT's content) in document order. */
        void body(XmlObject container) throws UnreadableDocumentException {
            try (XmlCursor cur = container.newCursor()) {
                if (!cur.toFirstChild()) return;
                do {
                    XmlObject o = cur.getObject();
                    if (o instanceof CTP p) {
                        paragraph(new XWPFParagraph(p, doc).getText());
                    } else if (o instanceof CTTbl t) {
                        table(new XWPFTable(t, doc));
                    } else if (o instanceof CTSdtBlock sdt) {
                        if (sdt.getSdtContent() != null) body(sdt.getSdtContent());
                    } else if (o.getDomNode() != null && "customXml".equals(o.getDomNode().getLocalName())) {
                        body(o);
                    }
                } while (cur.toNextSibling());
            }
        }

        void paragraph(String text) throws UnreadableDocumentException {
            String s = TableBuilder.clean(text);
            if (s.isEmpty()) return;
            count(s.length());
            blocks.add(new Grid.Paragraph(s, null));
        }

        void count(int n) throws UnreadableDocumentException {
            chars += n;
            if (chars > limits.maxTextChars()) {
                throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "DOCX text over " + limits.maxTextChars() + " characters");
            }
        }

        /** A raw cell before vertical merges are resolved. */
        private record Raw(int col, int span, String text, String vMerge) {}

        void table(XWPFTable table) throws UnreadableDocumentException {
            if (limits.pastDeadline()) throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, "DOCX read past deadline");
            List<List<Raw>> rows = new ArrayList<>();
            List<XWPFTable> nested = new ArrayList<>();
            for (XWPFTableRow row : table.getRows()) {
                List<Raw> raws = new ArrayList<>();
                int col = gridBefore(row);
                for (XWPFTableCell cell : row.getTableCells()) {
                    CTTcPr pr = cell.getCTTc().getTcPr();
                    int span = 1;
                    String vMerge = null;
                    boolean hContinue = false;
                    if (pr != null) {
                        if (pr.isSetGridSpan() && pr.getGridSpan().getVal() != null) {
                            span = Math.max(1, Math.min(1000, ((BigInteger) pr.getGridSpan().getVal()).intValue()));
                        }
                        if (pr.isSetVMerge()) {
                            Object v = pr.getVMerge().getVal();
                            vMerge = v == null ? "continue" : v.toString();
                        }
                        if (pr.isSetHMerge()) {
                            Object h = pr.getHMerge().getVal();
                            hContinue = h == null || "continue".equals(h.toString());
                        }
                    }
                    List<String> pieces = new ArrayList<>();
                    cellContent(cell.getCTTc(), pieces, nested);
                    String text = TableBuilder.joinPieces(pieces);
                    count(text.length());
                    if (hContinue && !raws.isEmpty()) {
                        // WPS horizontal merge: widen the previous cell instead of starting a new one
                        Raw prev = raws.remove(raws.size() - 1);
                        raws.add(new Raw(prev.col, prev.span + span, prev.text.isEmpty() ? text : prev.text, prev.vMerge));
                    } else {
                        raws.add(new Raw(col, span, text, vMerge));
                    }
                    col += span;
                }
                rows.add(raws);
            }
            TableBuilder tb = new TableBuilder();
            for (int r = 0; r < rows.size(); r++) {
                tb.touchRow(r);
                for (Raw raw : rows.get(r)) {
                    if ("continue".equals(raw.vMerge) && tb.isTaken(r, raw.col)) continue; // covered by the restart above
                    int rowSpan = 1;
                    {
                        // extend down over the vMerge=continue cells below at the same column
                        for (int k = r + 1; k < rows.size(); k++) {
                            Raw below = at(rows.get(k), raw.col);
                            if (below == null || !"continue".equals(below.vMerge)) break;
                            rowSpan++;
                        }
                    }
                    tb.put(r, raw.col, rowSpan, raw.span, raw.text);
                }
            }
            if (!rows.isEmpty()) blocks.add(tb.build());
            for (XWPFTable t : nested) table(t);
        }

        /** A cell's paragraphs (also inside content controls) as text pieces; its nested tables collected. */
        private void cellContent(XmlObject container, List<String> pieces, List<XWPFTable> nested) {
            try (XmlCursor cur = container.newCursor()) {
                if (!cur.toFirstChild()) return;
                do {
                    XmlObject o = cur.getObject();
                    if (o instanceof CTP p) pieces.add(new XWPFParagraph(p, doc).getText());
                    else if (o instanceof CTTbl t) nested.add(new XWPFTable(t, doc));
                    else if (o instanceof CTSdtBlock sdt && sdt.getSdtContent() != null) cellContent(sdt.getSdtContent(), pieces, nested);
                } while (cur.toNextSibling());
            }
        }

        private static Raw at(List<Raw> row, int col) {
            for (Raw r : row) if (r.col == col) return r;
            return null;
        }

        private static int gridBefore(XWPFTableRow row) {
            CTTrPr pr = row.getCtRow().getTrPr();
            if (pr == null) return 0;
            try {
                if (pr.sizeOfGridBeforeArray() > 0 && pr.getGridBeforeArray(0).getVal() != null) {
                    return Math.max(0, Math.min(1000, ((BigInteger) pr.getGridBeforeArray(0).getVal()).intValue()));
                }
            } catch (RuntimeException e) {
                return 0;
            }
            return 0;
        }
    }
}
