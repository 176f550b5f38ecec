package io.disclosurelake.export;

import io.disclosurelake.rank.ComplianceScore;
import io.disclosurelake.rank.ScoringConfig;
import org.jfree.data.category.DefaultCategoryDataset;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-contained HTML report a provincial office can hand on: one file, inline CSS and inline SVG charts,
 * no script, no network (a Content-Security-Policy forbids any fetch); every text from the lake is
 * HTML-escaped. First a summary per province (coverage, rates, best and worst bodies) with a chart per
 * metric drawn in greys (it reads in black-and-white print), then per province a ranking that fits A4
 * landscape (full body name on one line, score, ranks, the components that matter, the reasons) with every
 * component behind a {@code <details>} toggle (all of them are also in the XLSX). Print CSS: A4 landscape,
 * a page per province, repeated table headers, toggles left out.
 */
public final class HtmlReport {

    /** One province's ranking as shown (at most {@code shownRows}), with its total size and its summary. */
    public record Section(String province, List<Object[]> rows, long total, Summary summary) {}

    /**
     * A province at a glance. Rates are pooled over its bodies (Σ numerators / Σ denominators), null when
     * nothing is known; {@code best}/{@code worst} name and score of the highest and lowest judged body.
     */
    public record Summary(String province, long bodies, long read, long unreadable, long missing, Double onTimeRate,
                          Double meanScore, Double nonDisclosureRate, Double reviewCorrectionRate, String best, String worst) {

        public Double coverage() { return bodies == 0 ? null : (double) (read + unreadable) / bodies; }

        /** From a province's export rows (all of them, {@link RankingColumns#values} order). */
        public static Summary of(String province, List<Object[]> rows) {
            long read = 0, unreadable = 0, missing = 0, timed = 0, onTime = 0;
            double scoreSum = 0, ndNum = 0, ndDen = 0, rcNum = 0, rcDen = 0;
            Object[] best = null, worst = null;
            for (Object[] r : rows) {
                String scope = (String) r[col("report_scope")];
                if (RankingColumns.MISSING.equals(scope)) { missing++; continue; }
                if (RankingColumns.UNREADABLE.equals(scope)) { unreadable++; continue; }
                read++;
                Double score = (Double) r[col("score")];
                scoreSum += score == null ? 0 : score;
                Double t = (Double) r[col("timeliness")];
                if (t != null) { timed++; if (t >= 1.0) onTime++; }
                Double nd = (Double) r[col("non_disclosure_rate")];
                Long ndd = (Long) r[col("non_disclosure_denominator")];
                if (nd != null && ndd != null) { ndNum += nd * ndd; ndDen += ndd; }
                Double rc = (Double) r[col("review_correction_rate")];
                Long rcd = (Long) r[col("review_correction_denominator")];
                if (rc != null && rcd != null) { rcNum += rc * rcd; rcDen += rcd; }
                if (best == null || cmp(r, best) > 0) best = r;
                if (worst == null || cmp(r, worst) < 0) worst = r;
            }
            return new Summary(province, rows.size(), read, unreadable, missing, timed == 0 ? null : (double) onTime / timed,
                    read == 0 ? null : scoreSum / read, ndDen == 0 ? null : ndNum / ndDen, rcDen == 0 ? null : rcNum / rcDen,
                    nameAndScore(best), nameAndScore(worst));
        }

        private static int cmp(Object[] a, Object[] b) {
            Double x = (Double) a[col("score")], y = (Double) b[col("score")];
            return Double.compare(x == null ? 0 : x, y == null ? 0 : y);
        }

        private static String nameAndScore(Object[] r) {
            if (r == null) return null;
            Double s = (Double) r[col("score")];
            return r[col("org")] + "（" + (s == null ? "—" : number(s, 2)) + "）";
        }
    }

    /**
     * What the report shows. {@code histogram}: bin label → reports; {@code violations}: rule → count;
     * {@code trend}: province → (year → pooled non-disclosure rate).
     */
    public record Data(String title, int year, String scope, List<Section> sections, Map<String, Long> histogram,
                       Map<String, Long> violations, Map<String, Map<Integer, Double>> trend, ScoringConfig conf,
                       String generatedAt) {}

    /** The columns of the printed ranking: the few that matter for a reader (all are in the toggle and the XLSX). */
    static final List<String> COMPACT = List.of("rank", "org", "city", "score", "national_rank", "timeliness",
            "tables_complete", "error_violations", "non_disclosure_rate", "reasons");

    private HtmlReport() {}

    static int col(String key) {
        int i = RankingColumns.keys().indexOf(key);
        if (i < 0) throw new IllegalArgumentException("no export column " + key);
        return i;
    }

    public static void write(Path file, Data d) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(render(d));
        }
    }

    private static final String CSS = """
            body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#111;max-width:1400px}
            h1{font-size:24px;margin-bottom:4px}h2{font-size:19px;margin-top:32px;border-bottom:2px solid #444}h3{font-size:16px}
            table{border-collapse:collapse;font-size:12px;margin:6px 0}th,td{border:1px solid #999;padding:3px 6px;vertical-align:top}
            th{background:#e6e6e6;font-weight:bold;text-align:center;white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.name,td.nw{white-space:nowrap}td.why{min-width:16em;color:#333}
            table.ranking{width:100%}.note{color:#555;font-size:12px}.chart{margin:8px 0;display:inline-block;vertical-align:top}
            .wrap{overflow-x:auto;max-width:100%}details{margin:8px 0}summary{cursor:pointer;color:#333;font-size:13px}
            .charts svg{max-width:100%;height:auto}
            @page{size:A4 landscape;margin:10mm}
            @media print{body{margin:0;max-width:none}h2.province{break-before:page}details{display:none}
             thead{display:table-header-group}tr{break-inside:avoid}.chart{break-inside:avoid}.pagebreak{break-before:page}}
            """;

    public static String render(Data d) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(d.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(d.title())).append("</h1>\n");
        b.append("<p class=\"note\">报告年度 ").append(d.year()).append(" · 范围：").append(esc(d.scope()))
                .append(" · 生成时间 ").append(esc(d.generatedAt())).append("</p>\n");

        summary(b, d);
        charts(b, d);

        for (Section s : d.sections()) province(b, s);

        b.append("<h2 class=\"pagebreak\">指标与权重</h2>\n<table><thead><tr><th>指标</th><th>权重</th><th>说明</th></tr></thead>\n");
        for (ComplianceScore.Component c : ComplianceScore.COMPONENTS) {
            b.append("<tr><td class=\"nw\">").append(esc(c.label())).append("</td><td class=\"n\">")
                    .append(esc(number(d.conf().weight(c.column()), 2))).append("</td><td>").append(esc(c.explanation())).append("</td></tr>\n");
        }
        for (String[] line : Explanations.general(d.conf())) {
            b.append("<tr><td class=\"nw\">").append(esc(line[0])).append("</td><td></td><td>").append(esc(line[1])).append("</td></tr>\n");
        }
        b.append("</table>\n</body>\n</html>\n");
        return b.toString();
    }

    private static void summary(StringBuilder b, Data d) {
        b.append("<h2>各省概况</h2>\n<table class=\"summary\"><thead><tr><th>省份</th><th>机关数</th><th>已读取报告</th>")
                .append("<th>已发布但无法读取</th><th>未发现报告</th><th>覆盖率</th><th>按时发布率</th><th>平均得分</th>")
                .append("<th>不予公开率</th><th>行政复议纠错率</th><th>得分最高</th><th>得分最低</th></tr></thead>\n");
        for (Section s : d.sections()) {
            Summary m = s.summary();
            b.append("<tr><td class=\"nw\">").append(esc(s.province())).append("</td>")
                    .append(n(m.bodies())).append(n(m.read())).append(n(m.unreadable())).append(n(m.missing()))
                    .append(pct(m.coverage())).append(pct(m.onTimeRate()))
                    .append("<td class=\"n\">").append(m.meanScore() == null ? "—" : number(m.meanScore(), 1)).append("</td>")
                    .append(pct(m.nonDisclosureRate())).append(pct(m.reviewCorrectionRate()))
                    .append("<td class=\"nw\">").append(esc(dash(m.best()))).append("</td><td class=\"nw\">")
                    .append(esc(dash(m.worst()))).append("</td></tr>\n");
        }
        b.append("</table>\n<p class=\"note\">覆盖率 =（已读取 + 已发布但无法读取）/ 机关数；无法读取的报告不参与排名，也不计 0 分（见各省名单）。")
                .append("比率为全省合计口径（Σ分子 / Σ分母）。</p>\n");
    }

    private static void charts(StringBuilder b, Data d) {
        b.append("<h2>各项指标</h2>\n<div class=\"charts\">\n");
        int h = Math.max(160, 60 + 28 * d.sections().size());
        record Metric(String id, String title, java.util.function.Function<Summary, Double> value, double scale) {}
        for (Metric m : List.of(
                new Metric("coverage", "覆盖率（%）", Summary::coverage, 100),
                new Metric("on-time", "按时发布率（%）", Summary::onTimeRate, 100),
                new Metric("score", "平均合规得分", Summary::meanScore, 1),
                new Metric("non-disclosure-rate", "不予公开率（%）", Summary::nonDisclosureRate, 100),
                new Metric("review-correction-rate", "行政复议纠错率（%）", Summary::reviewCorrectionRate, 100))) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (Section s : d.sections()) {
                Double v = m.value().apply(s.summary());
                data.addValue(v == null ? null : v * m.scale(), m.title(), s.province());
            }
            b.append("<div class=\"chart\" id=\"chart-").append(m.id()).append("\">")
                    .append(SvgCharts.greyBar(m.title(), data, 440, h)).append("</div>\n");
        }
        b.append("</div>\n");

        b.append("<div class=\"chart\" id=\"chart-non-disclosure\">\n");
        DefaultCategoryDataset hist = new DefaultCategoryDataset();
        d.histogram().forEach((bin, n) -> hist.addValue(n, "报告数", bin));
        b.append(SvgCharts.bar("不予公开率分布（" + d.year() + "年，办结申请不少于 " + d.conf().minCasesNonDisclosure() + " 件）",
                "不予公开率", "报告数", hist, 440, 400)).append("\n</div>\n");

        b.append("<div class=\"chart\" id=\"chart-violations\">\n");
        DefaultCategoryDataset viol = new DefaultCategoryDataset();
        d.violations().forEach((rule, n) -> viol.addValue(n, "违反次数", Explanations.ruleName(rule)));
        b.append(SvgCharts.bar("各规则违反次数（" + d.year() + "年）", "规则", "违反次数", viol, 440, 400)).append("\n</div>\n");

        b.append("<div class=\"chart\" id=\"chart-trend\">\n");
        DefaultCategoryDataset trend = new DefaultCategoryDataset();
        d.trend().forEach((prov, byYear) -> byYear.forEach((y, v) -> trend.addValue(v == null ? null : v * 100, prov, Integer.toString(y))));
        b.append(SvgCharts.line("各省不予公开率（汇总口径，%）", "年度", "不予公开率（%）", trend, 440, 400)).append("\n</div>\n");
    }

    private static void province(StringBuilder b, Section s) {
        Summary m = s.summary();
        b.append("<h2 class=\"province\">").append(esc(s.province())).append(" 合规排名</h2>\n<p class=\"note\">")
                .append(m.bodies()).append(" 个机关：已读取 ").append(m.read()).append("，已发布但无法读取 ").append(m.unreadable())
                .append("，未发现报告 ").append(m.missing()).append("。排名只比较已读取的报告；").append("排名为省内排名。</p>\n");
        if (s.rows().size() < s.total()) {
            b.append("<p class=\"note\">仅显示前 ").append(s.rows().size()).append(" 名，完整名单见 CSV / XLSX。</p>\n");
        }
        List<RankingColumns.Column> cols = RankingColumns.COLUMNS;
        List<Object[]> judged = new ArrayList<>(), unreadable = new ArrayList<>();
        for (Object[] row : s.rows()) (RankingColumns.UNREADABLE.equals(row[col("report_scope")]) ? unreadable : judged).add(row);

        b.append("<table class=\"ranking\"><thead><tr>");
        for (String k : COMPACT) b.append("<th>").append(esc(compactHeader(k))).append("</th>");
        b.append("</tr></thead>\n<tbody>\n");
        for (Object[] row : judged) {
            b.append("<tr>");
            for (String k : COMPACT) cell(b, cols.get(col(k)), row[col(k)]);
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");

        if (!unreadable.isEmpty()) {
            b.append("<h3>已发布但无法读取（不参与排名）</h3>\n<table><thead><tr><th>机关名称</th><th>城市</th><th>原因</th></tr></thead>\n");
            for (Object[] row : unreadable) {
                b.append("<tr><td class=\"name\">").append(esc((String) row[col("org")])).append("</td><td class=\"nw\">")
                        .append(esc(dash((String) row[col("city")]))).append("</td><td>").append(esc(dash((String) row[col("reasons")])))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        b.append("<details><summary>全部 ").append(cols.size()).append(" 列（各分项得分）</summary>\n<div class=\"wrap\"><table>\n<thead><tr>");
        for (RankingColumns.Column c : cols) b.append("<th>").append(esc(c.header())).append("</th>");
        b.append("</tr></thead>\n");
        for (Object[] row : s.rows()) {
            b.append("<tr>");
            for (int i = 0; i < cols.size(); i++) cell(b, cols.get(i), row[i]);
            b.append("</tr>\n");
        }
        b.append("</table></div></details>\n");
    }

    private static String compactHeader(String key) {
        return switch (key) {
            case "rank" -> "省内排名";
            case "timeliness" -> "按时";
            case "tables_complete" -> "完整度";
            default -> RankingColumns.COLUMNS.get(col(key)).header().replace("分项·", "");
        };
    }

    private static void cell(StringBuilder b, RankingColumns.Column c, Object v) {
        String cls = switch (c.key()) {
            case "org" -> "name";
            case "reasons" -> "why";
            default -> c.kind() == RankingColumns.Kind.TEXT ? "nw" : "n";
        };
        b.append("<td class=\"").append(cls).append("\">").append(esc(format(c, v))).append("</td>");
    }

    private static String n(long v) { return "<td class=\"n\">" + v + "</td>"; }

    private static String pct(Double v) { return "<td class=\"n\">" + (v == null ? "—" : number(v * 100, 1) + "%") + "</td>"; }

    private static String dash(String s) { return s == null || s.isEmpty() ? "—" : s; }

    static String format(RankingColumns.Column c, Object v) {
        if (v == null) return "—";
        return switch (c.kind()) {
            case TEXT -> (String) v;
            case INTEGER -> Long.toString((Long) v);
            case DECIMAL -> number((Double) v, 2);
            case PERCENT -> number((Double) v * 100, 1) + "%";
        };
    }

    static String number(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** HTML-escapes text for element content and quoted attributes. */
    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Ordered map helper for callers building the chart data. */
    public static <K, V> Map<K, V> ordered() { return new LinkedHashMap<>(); }
}
