package io.disclosurelake.export;

import io.disclosurelake.review.ReviewItem;
import io.disclosurelake.review.ReviewSheet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The review queue as CSV (UTF-8 with a byte-order mark, CRLF) and XLSX (one sheet, frozen header): the first
 * line holds the column keys of {@link ReviewSheet}, which is how a filled sheet is read back. Text goes through
 * {@link FormulaGuard} (CSV) or is stored quote-prefixed (XLSX); numbers stay numbers. Each file is written
 * under a temporary name beside its place and moved there, so a reader never sees half a file.
 */
public final class ReviewWriter {
    private ReviewWriter() {}

    public static List<RankingExport.Written> write(List<ReviewItem> items, Path outDir, String stem) throws IOException {
        Files.createDirectories(outDir);
        List<RankingExport.Written> out = new ArrayList<>();
        out.add(atomically(outDir.resolve(stem + ".csv"), f -> csv(items, f)));
        out.add(atomically(outDir.resolve(stem + ".xlsx"), f -> xlsx(items, f)));
        return out;
    }

    private interface Work { void write(Path f) throws IOException; }

    private static RankingExport.Written atomically(Path file, Work work) throws IOException {
        long t0 = System.nanoTime();
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            work.write(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new RankingExport.Written(file, Files.size(file), (System.nanoTime() - t0) / 1e9);
    }

    static void csv(List<ReviewItem> items, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            try (CSVPrinter p = new CSVPrinter(w, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get())) {
                p.printRecord(ReviewSheet.COLUMNS);
                for (ReviewItem i : items) {
                    for (Object v : ReviewSheet.values(i)) p.print(csvCell(v));
                    p.println();
                }
            }
        }
    }

    static String csvCell(Object v) {
        if (v == null) return "";
        if (v instanceof BigDecimal b) return b.stripTrailingZeros().toPlainString();
        if (v instanceof Number) return v.toString();
        return FormulaGuard.text(v.toString());
    }

    static void xlsx(List<ReviewItem> items, Path file) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        // the creation date from ExportClock (SOURCE_DATE_EPOCH): the same input gives the same bytes
        wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(ExportClock.now())));
        try {
            wb.setCompressTempFiles(true);
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle guarded = wb.createCellStyle();
            guarded.setQuotePrefixed(true);
            Sheet s = wb.createSheet("review");
            Row h = s.createRow(0);
            for (int c = 0; c < ReviewSheet.COLUMNS.size(); c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(ReviewSheet.COLUMNS.get(c));
                cell.setCellStyle(header);
                s.setColumnWidth(c, 14 * 256);
            }
            s.createFreezePane(0, 1);
            int r = 1;
            for (ReviewItem i : items) {
                Row row = s.createRow(r++);
                Object[] v = ReviewSheet.values(i);
                for (int c = 0; c < v.length; c++) {
                    if (v[c] == null) continue;
                    Cell cell = row.createCell(c);
                    if (v[c] instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        String t = v[c].toString();
                        cell.setCellValue(t);
                        if (FormulaGuard.isRisky(t)) cell.setCellStyle(guarded);
                    }
                }
            }
            try (OutputStream o = Files.newOutputStream(file)) {
                wb.write(o);
            }
        } finally {
            wb.close();
        }
    }
}
