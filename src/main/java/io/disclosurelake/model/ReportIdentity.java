package io.disclosurelake.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Who a report is: the body (normalised org name) and the year. {@code report_id} is stable across
 * re-publications, so a corrected file replaces the earlier version of the same report. Computed here, in the
 * per-document core, once: {@code inspect --json} (its {@code identity} object) and the lake's {@code reports}
 * row show the same values (docs/report-json.md).
 */
public final class ReportIdentity {
    private ReportIdentity() {}

    /** The first and last report year the lake accepts; a year outside is printed, not stored. */
    public static final int FIRST_YEAR = 2000, LAST_YEAR = 2100;

    /**
     * A report's identity as the lake stores it: {@code year} is the report's year when plausible, else null
     * (with a warning), and {@code reportId} falls back to the document's hash when body or year is unknown.
     */
    public record Identity(String reportId, String bodyKey, Integer year, String narrativeSha256, String tablesSha256,
                           List<String> warnings) {}

    /** The identity of {@code r}, read from the document whose SHA-256 is {@code documentSha256}. */
    public static Identity of(Report r, String documentSha256) {
        String body = bodyKey(r.org());
        Integer year = r.year();
        List<String> warnings = new ArrayList<>();
        if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
            warnings.add("implausible report year " + year + " not stored");
            year = null;
        }
        return new Identity(reportId(body, year, documentSha256), body, year, narrativeSha256(r), tablesSha256(r),
                List.copyOf(warnings));
    }

    /** The org name folded for comparison: NFKC (full-width → half-width), no whitespace, lower case. */
    public static String bodyKey(String org) {
        if (org == null) return null;
        String s = Normalizer.normalize(org, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "").toLowerCase(java.util.Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    /** First 16 hex chars of SHA-256(body_key | year); from the document's hash when body or year is unknown. */
    public static String reportId(String bodyKey, Integer year, String documentSha256) {
        if (bodyKey == null || year == null) return "d" + documentSha256.substring(0, 15);
        return sha256Hex((bodyKey + "|" + year).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /**
     * Hash of the narrative for copy detection, null when there is none. It starts at section 一 (总体情况): the
     * title, subtitle and date above it change with every year even in a copied report. Only letters (Chinese
     * characters included) and digits count, after NFKC, so punctuation, full-width digits and layout do not.
     */
    public static String narrativeSha256(Report r) {
        String n = r.narrative() == null ? "" : Normalizer.normalize(r.narrative(), Normalizer.Form.NFKC);
        int start = n.indexOf("总体情况");
        if (start >= 0) n = n.substring(start);
        n = n.replaceAll("[^\\p{L}\\p{Nd}]", "");
        return n.isEmpty() ? null : sha256Hex(n.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Hash of every template cell's address and value, null when the report has no value at all. A blank cell
     * counts as 0 (the sum rules read it so; one year prints 0 where the copy prints nothing or a dash), an
     * unreadable one by its status (never equal to a number), and cells outside the template are left out: a
     * copied report stays a copy however its zeros are printed.
     */
    public static String tablesSha256(Report r) {
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (Cell c : r.allCells()) {
            if (c.status() == CellStatus.NOT_IN_TEMPLATE) continue;
            String v = c.hasValue() ? c.value().stripTrailingZeros().toPlainString()
                    : c.status() == CellStatus.BLANK ? "0" : c.status().id();
            sb.append(c.table()).append('/').append(c.rowKey()).append('/').append(c.columnKey()).append('=').append(v).append('\n');
            any |= c.hasValue();
        }
        return any ? sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8)) : null;
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
