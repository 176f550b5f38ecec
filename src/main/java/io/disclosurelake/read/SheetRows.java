package io.disclosurelake.read;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A spreadsheet a person filled (a review sheet, docs/review.md) as lines of text cells: CSV (UTF-8, with or
 * without a byte-order mark) or the first sheet of an XLSX. Numbers come back in plain decimal form, never as
 * Excel displays them (no thousands separators, no exponent). Line i of the result is line i+1 of the sheet.
 */
public final class SheetRows {
    private SheetRows() {}

    public static List<List<String>> read(String name, byte[] bytes) throws IOException {
        boolean zip = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
        return zip || name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? xlsx(bytes) : csv(bytes);
    }

    static List<List<String>> csv(byte[] bytes) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.EXCEL.builder().get().parse(r)) {
            for (CSVRecord rec : p) {
                List<String> line = new ArrayList<>();
                for (String v : rec) line.add(line.isEmpty() ? v.replace("\uFEFF", "") : v);
                out.add(line);
            }
        }
        return out;
    }

    static List<List<String>> xlsx(byte[] bytes) throws IOException {
        List<List<String>> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() == 0) return out;
            Sheet s = wb.getSheetAt(0);
            for (int i = 0; i <= s.getLastRowNum(); i++) {
                Row row = s.getRow(i);
                List<String> line = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) line.add(text(row.getCell(c), fmt));
                }
                out.add(line);
            }
        }
        return out;
    }

    private static String text(Cell cell, DataFormatter fmt) {
        if (cell == null) return "";
        CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (t == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            BigDecimal b = new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros();
            return (b.scale() < 0 ? b.setScale(0) : b).toPlainString();
        }
        if (t == CellType.STRING) return cell.getStringCellValue();
        return fmt.formatCellValue(cell);
    }
}
