package io.disclosurelake.export;

import io.disclosurelake.rank.ComplianceScore;
import org.apache.spark.sql.Row;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns of an exported ranking, in order, with their Chinese headers and kinds: the one list the CSV,
 * XLSX and HTML writers read. Every score component sits beside the score.
 */
public final class RankingColumns {
    private RankingColumns() {}

    public enum Kind { TEXT, INTEGER, DECIMAL, PERCENT }

    /** A column: rankings-table column it comes from, header, kind. */
    public record Column(String key, String header, Kind kind) {}

    public static final List<Column> COLUMNS;

    static {
        List<Column> c = new ArrayList<>(List.of(
                new Column(RankingColumns.SCOPE_RANK, "排名", Kind.INTEGER),
                new Column("position", "序号", Kind.INTEGER),
                new Column("org", "机关名称", Kind.TEXT),
                new Column("province", "省份", Kind.TEXT),
                new Column("city", "城市", Kind.TEXT),
                new Column("county", "区县", Kind.TEXT),
                new Column("body_kind", "机关类型", Kind.TEXT),
                new Column("report_scope", "报告范围", Kind.TEXT),
                new Column("score", "合规得分", Kind.DECIMAL),
                new Column("reasons", "失分原因", Kind.TEXT),
                new Column("rank", "省内排名", Kind.INTEGER),
                new Column("city_rank", "市内排名", Kind.INTEGER),
                new Column("national_rank", "全国排名", Kind.INTEGER)));
        for (ComplianceScore.Component comp : ComplianceScore.COMPONENTS) {
            c.add(new Column(comp.column(), "分项·" + comp.label(), Kind.DECIMAL));
        }
        c.addAll(List.of(
                new Column("error_violations", "错误数", Kind.INTEGER),
                new Column("warning_violations", "警示数", Kind.INTEGER),
                new Column("non_disclosure_rate", "不予公开率", Kind.PERCENT),
                new Column("non_disclosure_denominator", "办结申请数", Kind.INTEGER),
                new Column("non_disclosure_rank", "不予公开率排名", Kind.INTEGER),
                new Column("review_correction_rate", "行政复议纠错率", Kind.PERCENT),
                new Column("review_correction_denominator", "复议审结数", Kind.INTEGER),
                new Column("review_correction_rank", "复议纠错率排名", Kind.INTEGER),
                new Column("first_seen", "首次发现时间", Kind.TEXT),
                new Column("deadline", "发布截止时间", Kind.TEXT),
                new Column("report_id", "报告编号", Kind.TEXT)));
        COLUMNS = Collections.unmodifiableList(c);
    }

    /**
     * 排名: the rank within what the file or sheet lists — the national rank in the national CSV and sheet,
     * the province rank in a province's; 省内排名 and 全国排名 always say which.
     */
    public static final String SCOPE_RANK = "scope_rank";
    /** 报告范围 of a body with no report for the year. */
    public static final String MISSING = "报告缺失";
    /** 报告范围 of a body whose published report could not be read (our failure: not ranked, not scored 0). */
    public static final String UNREADABLE = "报告无法读取";

    public static List<String> keys() { return COLUMNS.stream().map(Column::key).toList(); }

    /** Times carry their zone: 2025-01-10 10:00 +08:00 (the deadlines' zone, Asia/Shanghai). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx").withZone(ZoneId.of("Asia/Shanghai"));

    /** Counts that are 0 when the report is present and has none; blank only when there is no report. */
    private static final java.util.Set<String> COUNTS = java.util.Set.of("error_violations", "warning_violations");

    /** A province's row: 排名 is the province rank. */
    public static Object[] values(Row r) { return values(r, false); }

    /**
     * One row of the rankings table as export values: String for text, Long for integers, Double for
     * decimals and percentages (null when unknown); codes become Chinese words. {@code national}: 排名 is the
     * national rank (the national file and sheet), else the province rank.
     */
    public static Object[] values(Row r, boolean national) {
        Object[] out = new Object[COLUMNS.size()];
        boolean present = r.getAs("report_id") != null;
        for (int i = 0; i < out.length; i++) {
            Column c = COLUMNS.get(i);
            String key = c.key().equals(SCOPE_RANK) ? (national ? "national_rank" : "rank") : c.key();
            Object v = has(r, key) ? r.getAs(key) : null;
            if (v == null && present && COUNTS.contains(key)) v = 0L;
            out[i] = switch (c.kind()) {
                case TEXT -> text(c.key(), v, r);
                case INTEGER -> v == null ? null : ((Number) v).longValue();
                case DECIMAL, PERCENT -> v == null ? null : v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
            };
        }
        return out;
    }

    /**
     * A coverage row of a body whose published report could not be read, in the export's columns: no rank, no
     * score, no components (we could not judge it), 报告范围 {@link #UNREADABLE}, 失分原因 the reason.
     */
    public static Object[] unreadable(Row coverage) {
        Object[] out = new Object[COLUMNS.size()];
        for (int i = 0; i < out.length; i++) {
            String key = COLUMNS.get(i).key();
            out[i] = switch (key) {
                case "org", "province", "city", "county" -> coverage.getAs(key);
                case "body_kind" -> "government".equals(coverage.getAs("body_kind")) ? "政府" : "部门";
                case "report_scope" -> UNREADABLE;
                case "reasons" -> "已发布但无法读取：" + coverage.getAs("unreadable_reason");
                case "deadline" -> coverage.getAs("deadline") instanceof Timestamp t ? TIME.format(t.toInstant()) : null;
                default -> null;
            };
        }
        return out;
    }

    private static boolean has(Row r, String key) {
        for (String f : r.schema().fieldNames()) if (f.equals(key)) return true;
        return false;
    }

    private static String text(String key, Object v, Row r) {
        if (v instanceof Timestamp t) return TIME.format(t.toInstant());
        String s = v == null ? null : v.toString();
        return switch (key) {
            case "body_kind" -> "government".equals(s) ? "政府" : "部门";
            case "report_scope" -> r.getAs("report_id") == null ? MISSING : "region_aggregate".equals(s) ? "全区域汇总" : "本机关";
            default -> s;
        };
    }
}
