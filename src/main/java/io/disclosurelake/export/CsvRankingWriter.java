package io.disclosurelake.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One ranking as CSV: UTF-8 with a byte-order mark (so Excel in China opens it as UTF-8), CRLF lines,
 * Chinese headers. Text goes through {@link FormulaGuard}; numbers are plain numbers (percentages as
 * percentage points, the header says so).
 */
public final class CsvRankingWriter implements Closeable {
    private final CSVPrinter printer;

    public CsvRankingWriter(Path file) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        printer = new CSVPrinter(w, CSVFormat.EXCEL.builder().setRecordSeparator("\r\n").get());
        for (RankingColumns.Column c : RankingColumns.COLUMNS) {
            printer.print(c.kind() == RankingColumns.Kind.PERCENT ? c.header() + "（%）" : c.header());
        }
        printer.println();
    }

    public void write(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) printer.print(cell(RankingColumns.COLUMNS.get(i), values[i]));
        printer.println();
    }

    static String cell(RankingColumns.Column c, Object v) {
        if (v == null) return "";
        return switch (c.kind()) {
            case TEXT -> FormulaGuard.text((String) v);
            case INTEGER -> Long.toString((Long) v);
            case DECIMAL -> plain(BigDecimal.valueOf((Double) v).setScale(4, RoundingMode.HALF_UP));
            case PERCENT -> plain(BigDecimal.valueOf((Double) v).movePointRight(2).setScale(2, RoundingMode.HALF_UP));
        };
    }

    private static String plain(BigDecimal b) {
        BigDecimal s = b.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    @Override public void close() throws IOException { printer.close(); }
}
