package io.disclosurelake.review;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One correction a reviewer made in a review sheet: the cell (report, document version, table/row/column), what
 * the reviewer saw there (status and value as read), the value that is right, the note and who made it, and
 * where it came from (file and row number, 1 = the header line).
 */
public record Correction(String file, int fileRow, String reportId, String sha256, String table, String row,
                         String column, String oldStatus, BigDecimal oldValue, BigDecimal newValue, String note,
                         String reviewer) {

    /**
     * The same correction has the same id whichever file or row brings it (applying a file twice, or a copy of
     * it, changes nothing): document version, cell, what was read and the new value.
     */
    public String id() {
        return hash(reportId, sha256, table, row, column, oldStatus, plain(oldValue), plain(newValue));
    }

    public String cellKey() { return table + "/" + row + "/" + column; }

    static String plain(BigDecimal v) { return v == null ? "" : v.stripTrailingZeros().toPlainString(); }

    public static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update((p == null ? "\u0000" : p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
