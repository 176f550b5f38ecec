package io.disclosurelake.read;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;

import io.disclosurelake.spec.QuarantineReason;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Spreadsheets: XLSX (XSSF, after the zip container check) and XLS (HSSF). One table per non-empty sheet,
 * preceded by the sheet's name as a paragraph unless it is a default name. Numbers are written as plain
 * decimals (15 significant digits, no trailing {@code .0}, no grouping); formulas give their cached value.
 */
public final class SheetReader implements FormatReader {

    private static final Pattern DEFAULT_SHEET_NAME = Pattern.compile("(?i)(sheet|工作表)\\s*\\d*");
    private static final int MAX_COLUMNS = 1000;

    @Override
    public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        FormatSniffer.Sniff sniff = FormatSniffer.sniffDetailed(bytes, null);
        if (sniff.encrypted()) throw new UnreadableDocumentException(QuarantineReason.ENCRYPTED, "spreadsheet is password-protected");
        boolean xlsx = sniff.format() == DocumentFormat.XLSX
                || bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K';
        if (xlsx) ZipContainerCheck.check(bytes, limits, "XLSX");
        try (Workbook wb = xlsx ? new XSSFWorkbook(new ByteArrayInputStream(bytes)) : new HSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<Grid.Block> blocks = new ArrayList<>();
            DataFormatter dates = new DataFormatter();
            long chars = 0;
            for (int s = 0; s < wb.getNumberOfSheets(); s++) {
                if (limits.pastDeadline()) throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, "spreadsheet read past deadline");
                Sheet sheet = wb.getSheetAt(s);
                TableBuilder tb = new TableBuilder();
                int first = Math.max(0, sheet.getFirstRowNum());
                // merged regions first, so their covered cells get continuation copies of the top-left text
                for (CellRangeAddress m : sheet.getMergedRegions()) {
                    if (m.getFirstColumn() >= MAX_COLUMNS || m.getFirstRow() < first) continue;
                    Cell c = cell(sheet, m.getFirstRow(), m.getFirstColumn());
                    String text = c == null ? "" : text(c, dates);
                    tb.put(m.getFirstRow() - first, m.getFirstColumn(), m.getLastRow() - m.getFirstRow() + 1,
                            Math.min(MAX_COLUMNS, m.getLastColumn() + 1) - m.getFirstColumn(), text);
                }
                for (Row row : sheet) {
                    int r = row.getRowNum() - first;
                    for (Cell c : row) {
                        if (c.getColumnIndex() >= MAX_COLUMNS) break;
                        if (tb.isTaken(r, c.getColumnIndex())) continue;
                        String text = text(c, dates);
                        if (text.isEmpty()) continue;
                        chars += text.length();
                        if (chars > limits.maxTextChars()) {
                            throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, "spreadsheet text over limit");
                        }
                        tb.put(r, c.getColumnIndex(), 1, 1, text);
                    }
                }
                if (tb.isEmpty()) continue;
                String name = sheet.getSheetName();
                if (name != null && !DEFAULT_SHEET_NAME.matcher(name.trim()).matches()) {
                    blocks.add(new Grid.Paragraph(name.trim(), null));
                }
                blocks.add(tb.build());
            }
            return new Grid(blocks, null);
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new UnreadableDocumentException(QuarantineReason.ENCRYPTED, "spreadsheet is password-protected", e);
        } catch (Exception | StackOverflowError e) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, "spreadsheet cannot be parsed: " + e, e);
        }
    }

    private static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    static String text(Cell c, DataFormatter dates) {
        CellType type = c.getCellType();
        if (type == CellType.FORMULA) type = c.getCachedFormulaResultType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(c) ? dates.formatCellValue(c) : number(c.getNumericCellValue());
            case STRING -> TableBuilder.clean(c.getRichStringCellValue().getString());
            case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
            default -> "";
        };
    }

    /** A double as Excel shows it in General format: 15 significant digits, plain, no trailing zeros. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return "";
        BigDecimal b = new BigDecimal(d).round(MathContext.DECIMAL64).round(new MathContext(15)).stripTrailingZeros();
        if (b.signum() == 0) return "0";
        return b.toPlainString();
    }
}
