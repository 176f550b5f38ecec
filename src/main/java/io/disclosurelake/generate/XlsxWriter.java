package io.disclosurelake.generate;

import io.disclosurelake.generate.ReportDocument.Block;
import io.disclosurelake.generate.ReportDocument.TCell;
import io.disclosurelake.generate.ReportDocument.Table;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Optional;

/**
 * A spreadsheet as some bodies publish the statistics: one sheet, title and narrative in column A, the tables
 * with merged header cells. Plain ASCII numbers are stored as numeric cells, anything else as text.
 */
public final class XlsxWriter {
    private XlsxWriter() {}

    public static byte[] write(ReportDocument d) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.getProperties().getCoreProperties().setCreated(Optional.of(new Date(ZipNormalizer.FIXED_TIME)));
            Sheet s = wb.createSheet("年度报告");
            int r = 0;
            s.createRow(r++).createCell(0).setCellValue(d.title);
            if (d.subtitle != null) s.createRow(r++).createCell(0).setCellValue(d.subtitle);
            for (Block b : d.blocks) {
                if (b instanceof ReportDocument.Heading h) s.createRow(r++).createCell(0).setCellValue(h.text());
                else if (b instanceof ReportDocument.Paragraph p) s.createRow(r++).createCell(0).setCellValue(p.text());
                else if (b instanceof Table t) {
                    for (int i = 0; i < t.rows; i++) s.createRow(r + i);
                    for (TCell c : t.cells) {
                        Row row = s.getRow(r + c.row());
                        Cell cell = row.createCell(c.col());
                        String text = TextWriter.cellText(c);
                        if (c.numeric() && text.matches("-?\\d+(\\.\\d+)?")) cell.setCellValue(Double.parseDouble(text));
                        else cell.setCellValue(text);
                        if (c.rowSpan() > 1 || c.colSpan() > 1)
                            s.addMergedRegion(new CellRangeAddress(r + c.row(), r + c.row() + c.rowSpan() - 1, c.col(), c.col() + c.colSpan() - 1));
                    }
                    r += t.rows;
                }
            }
            s.setColumnWidth(0, 40 * 256);
            wb.write(out);
            return ZipNormalizer.normalize(out.toByteArray());
        }
    }
}
