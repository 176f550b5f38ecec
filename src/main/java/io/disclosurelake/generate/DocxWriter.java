package io.disclosurelake.generate;

import io.disclosurelake.generate.ReportDocument.Block;
import io.disclosurelake.generate.ReportDocument.TCell;
import io.disclosurelake.generate.ReportDocument.Table;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;

/** Word documents through POI XWPF, tables with real gridSpan/vMerge merged cells like the template's. */
public final class DocxWriter {
    private DocxWriter() {}

    public static byte[] write(ReportDocument d) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Calendar fixed = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
            fixed.setTimeInMillis(ZipNormalizer.FIXED_TIME);
            doc.getProperties().getCoreProperties().setCreated(Optional.of(fixed.getTime()));
            doc.getProperties().getCoreProperties().setCreator("disclosure-lake generate");
            para(doc, d.title, true, ParagraphAlignment.CENTER, 18);
            if (d.subtitle != null) para(doc, d.subtitle, false, ParagraphAlignment.CENTER, 12);
            for (Block b : d.blocks) {
                if (b instanceof ReportDocument.Heading h) para(doc, h.text(), true, ParagraphAlignment.LEFT, 14);
                else if (b instanceof ReportDocument.Paragraph p) para(doc, p.text(), false, ParagraphAlignment.BOTH, 12);
                else if (b instanceof Table t) table(doc, t);
            }
            doc.write(out);
            return ZipNormalizer.normalize(out.toByteArray());
        }
    }

    private static void para(XWPFDocument doc, String text, boolean bold, ParagraphAlignment align, int size) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun r = p.createRun();
        r.setBold(bold);
        r.setFontSize(size);
        r.setFontFamily("宋体");
        lines(r, text);
    }

    private static void lines(XWPFRun r, String text) {
        String[] parts = text.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) r.addBreak();
            r.setText(parts[i], i);
        }
    }

    static void table(XWPFDocument doc, Table t) {
        XWPFTable x = doc.createTable(t.rows, t.cols);
        x.setWidth("9000");
        double sum = 0;
        for (double w : t.widths) sum += w;
        // the grid carries the column widths Word and LibreOffice lay out by
        var ct = x.getCTTbl();
        var grid = ct.getTblGrid() != null ? ct.getTblGrid() : ct.addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) grid.removeGridCol(0);
        for (double w : t.widths) grid.addNewGridCol().setW(BigInteger.valueOf(Math.round(9000 * w / sum)));
        var tblPr = ct.getTblPr() != null ? ct.getTblPr() : ct.addNewTblPr();
        tblPr.addNewTblLayout().setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        TCell[][] g = t.grid();
        for (int r = 0; r < t.rows; r++) {
            XWPFTableRow row = x.getRow(r);
            // remove cells covered horizontally, from the right so indexes stay valid
            for (int c = t.cols - 1; c >= 0; c--) {
                TCell o = g[r][c];
                if (o != null && o.col() != c) row.removeCell(c);
            }
            int idx = 0;
            for (int c = 0; c < t.cols; c++) {
                TCell o = g[r][c];
                if (o != null && o.col() != c) continue;
                XWPFTableCell cell = row.getCell(idx++);
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int span = o == null ? 1 : o.colSpan();
                double w = 0;
                for (int k = c; k < c + span; k++) w += t.widths[k];
                pr.addNewTcW().setW(BigInteger.valueOf(Math.round(9000 * w / sum)));
                if (span > 1) pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                if (o == null) continue;
                if (o.rowSpan() > 1) pr.addNewVMerge().setVal(o.row() == r ? STMerge.RESTART : STMerge.CONTINUE);
                if (o.row() == r) {
                    XWPFParagraph p = cell.getParagraphs().get(0);
                    p.setAlignment(o.numeric() ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
                    XWPFRun run = p.createRun();
                    run.setFontSize(9);
                    lines(run, TextWriter.cellText(o));
                }
            }
        }
    }
}
