package io.disclosurelake.rank;

import io.disclosurelake.model.Cell;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Region;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.TemplateSpec;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports built by the tests: table 三 given by its total column (all applicants counted as 自然人, so every
 * row total holds), table 四 by its 15 numbers, table 二 by a few values.
 */
public final class SampleReports {
    private SampleReports() {}

    /** Builds a 2021-template report. {@code totals}: row key → total column; rows not given are 0. */
    public static Report report(String org, Region region, int year, Map<String, Long> totals, long[] review) {
        Report r = new Report(new DocumentInfo("docs/" + org + year + ".txt", "sha-" + org + year, "txt", null, 100));
        r.setOrg(org);
        r.setRegion(region);
        r.setYear(year);
        r.setTemplate(TemplateSpec.Version.V2021);
        for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) {
            r.putActive(Cell.value(TemplateSpec.ACTIVE_TABLE, f.key(), TemplateSpec.ACTIVE_COLUMN_KEY,
                    BigDecimal.valueOf(f.decimal() ? 0 : 3), f.decimal() ? "0" : "3", null));
        }
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            long t = totals.getOrDefault(row.key(), 0L);
            Cell[] cells = new Cell[TemplateSpec.APPLICANT_COLUMN_COUNT];
            for (int c = 0; c < cells.length; c++) {
                long v = (c == 0 || c == TemplateSpec.TOTAL_COLUMN) ? t : 0;
                cells[c] = Cell.value(TemplateSpec.APPLICATIONS_TABLE, row.key(), TemplateSpec.APPLICANT_COLUMNS.get(c).key(),
                        BigDecimal.valueOf(v), Long.toString(v), null);
            }
            r.putApplicationRow(row.key(), cells);
        }
        List<String> keys = TemplateSpec.reviewColumnKeys();
        for (int i = 0; i < keys.size(); i++) {
            r.putReview(i, Cell.value(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, keys.get(i),
                    BigDecimal.valueOf(review[i]), Long.toString(review[i]), null));
        }
        return r;
    }

    public static Map<String, Long> totals(Object... keyValues) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], ((Number) keyValues[i + 1]).longValue());
        return m;
    }

    /**
     * The 淮安市人民政府 2024 example of docs/metrics.md §1: 公开 1816 of 3050 closed, 不予公开 178, 行政复议 64
     * corrected of 351 − 37 concluded, 行政诉讼 4 + 1 corrected of (26 − 1) + (20 − 6).
     */
    public static Report huaian() {
        Map<String, Long> t = totals(
                "new", 3000, "carried_over", 100,
                "disclosed", 1500, "partially_disclosed", 316,
                "withheld.state_secret", 10, "withheld.third_party_rights", 68, "withheld.process_info", 100,
                "unable_to_provide.not_held", 600, "not_processed.petition_complaint", 300, "other.other", 156,
                "total", 3050, "carried_forward", 50);
        long[] review = {200, 64, 50, 37, 351, 15, 4, 6, 1, 26, 10, 1, 3, 6, 20};
        return report("淮安市人民政府", new Region("江苏省", "淮安市", null), 2024, t, review);
    }

    /** A balanced report with {@code closed} applications of which {@code withheld} withheld, the rest disclosed. */
    public static Report simple(String org, Region region, int year, long closed, long withheld, long[] review) {
        Map<String, Long> t = totals("new", closed, "disclosed", closed - withheld,
                "withheld.third_party_rights", withheld, "total", closed);
        return report(org, region, year, t, review);
    }

    public static long[] review(long corrected, long concluded) {
        long upheld = concluded - corrected;
        return new long[]{upheld, corrected, 0, 0, concluded, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    }
}
