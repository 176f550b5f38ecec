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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-contained HTML report: one file, inline CSS and inline SVG charts, no script, no network (a
 * Content-Security-Policy forbids any fetch). Every text from the lake is HTML-escaped.
 */
public final class HtmlReport {

    /** One province's ranking as shown (at most {@code shownRows}), with its total size. */
    public record Section(String province, List<Object[]> rows, long total) {}

    /**
     * What the report shows. {@code histogram}: bin label → reports; {@code violations}: rule → count;
     * {@code trend}: province → (year → pooled non-disclosure rate).
     */
    public record Data(String title, int year, String scope, List<Section> sections, Map<String, Long> histogram,
                       Map<String, Long> violations, Map<String, Map<Integer, Double>> trend, ScoringConfig conf,
                       String generatedAt) {}

    private HtmlReport() {}

    public static void write(Path file, Data d) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(render(d));
        }
    }

    public static String render(Data d) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(d.title())).append("</title>\n<style>\n")
                .append("body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222}\n")
                .append("h1{font-size:24px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ccc}h3{font-size:16px}\n")
                .append("table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #ccc;padding:3px 6px}\n")
                .append("th{background:#eef2f7;position:sticky;top:0}td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".wrap{overflow-x:auto;max-width:100%}.note{color:#666;font-size:12px}.chart{margin:8px 0}\n")
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>").append(esc(d.title())).append("</h1>\n");
        b.append("<p class=\"note\">报告年度 ").append(d.year()).append(" · 范围：").append(esc(d.scope()))
                .append(" · 生成时间 ").append(esc(d.generatedAt())).append("</p>\n");

        b.append("<h2>指标与权重</h2>\n<table><tr><th>指标</th><th>权重</th><th>说明</th></tr>\n");
        for (ComplianceScore.Component c : ComplianceScore.COMPONENTS) {
            b.append("<tr><td>").append(esc(c.label())).append("</td><td class=\"n\">")
                    .append(esc(number(d.conf().weight(c.column()), 2))).append("</td><td>").append(esc(c.explanation())).append("</td></tr>\n");
        }
        for (String[] line : Explanations.general(d.conf())) {
            b.append("<tr><td>").append(esc(line[0])).append("</td><td></td><td>").append(esc(line[1])).append("</td></tr>\n");
        }
        b.append("</table>\n");

        b.append("<h2>不予公开率分布</h2>\n<div class=\"chart\" id=\"chart-non-disclosure\">\n");
        DefaultCategoryDataset hist = new DefaultCategoryDataset();
        d.histogram().forEach((bin, n) -> hist.addValue(n, "报告数", bin));
        b.append(SvgCharts.bar("不予公开率分布（" + d.year() + "年，办结申请不少于 " + d.conf().minCasesNonDisclosure() + " 件）",
                "不予公开率", "报告数", hist, 900, 560)).append("\n</div>\n");

        b.append("<h2>违反规则统计</h2>\n<div class=\"chart\" id=\"chart-violations\">\n");
        DefaultCategoryDataset viol = new DefaultCategoryDataset();
        d.violations().forEach((rule, n) -> viol.addValue(n, "违反次数", rule));
        b.append(SvgCharts.bar("各规则违反次数（" + d.year() + "年）", "规则", "违反次数", viol, 900, 480)).append("\n</div>\n");

        b.append("<h2>各省不予公开率趋势</h2>\n<div class=\"chart\" id=\"chart-trend\">\n");
        DefaultCategoryDataset trend = new DefaultCategoryDataset();
        d.trend().forEach((prov, byYear) -> byYear.forEach((y, v) -> trend.addValue(v == null ? null : v * 100, prov, Integer.toString(y))));
        b.append(SvgCharts.line("各省不予公开率（汇总口径，%）", "年度", "不予公开率（%）", trend, 900, 460)).append("\n</div>\n");

        b.append("<h2>合规排名</h2>\n");
        List<RankingColumns.Column> cols = RankingColumns.COLUMNS;
        for (Section s : d.sections()) {
            b.append("<h3>").append(esc(s.province())).append("（").append(s.total()).append(" 个机关）</h3>\n");
            if (s.rows().size() < s.total()) {
                b.append("<p class=\"note\">仅显示前 ").append(s.rows().size()).append(" 名，完整名单见 CSV / XLSX。</p>\n");
            }
            b.append("<div class=\"wrap\"><table class=\"ranking\">\n<tr>");
            for (RankingColumns.Column c : cols) b.append("<th>").append(esc(c.header())).append("</th>");
            b.append("</tr>\n");
            for (Object[] row : s.rows()) {
                b.append("<tr>");
                for (int i = 0; i < cols.size(); i++) {
                    RankingColumns.Column c = cols.get(i);
                    b.append(c.kind() == RankingColumns.Kind.TEXT ? "<td>" : "<td class=\"n\">")
                            .append(esc(format(c, row[i]))).append("</td>");
                }
                b.append("</tr>\n");
            }
            b.append("</table></div>\n");
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

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
