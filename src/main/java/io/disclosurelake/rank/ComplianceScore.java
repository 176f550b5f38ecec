package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.TemplateSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The compliance score of docs/ranking.md as data: every component (in [0, 1]) with its Chinese label, its
 * explanation, its SQL over the per-body facts that {@link GoldLayer} prepares, and the SQL of its one-line
 * reason (「迟报 674 天」, 「表三空白 170 格」, 「勾稽关系：一+二≠总计+结转，2 列」; null when there is nothing to
 * say). The score is {@code 100 × Σ weight × component / Σ weight of the known components}; the rankings
 * table, the exports and the explanation sheet all read this one list, so what a body sees beside its score
 * is what was summed. docs/ranking.md explains every component.
 *
 * <p>Blanks count in proportion: a sum rule or a warning check that "holds" over blank cells proves only the
 * share of the template that was filled, so those components are the completeness share when they hold
 * (and 0 when broken). A report with 190 of 200 cells blank thus scores far below a complete one.
 *
 * <p>Facts columns the SQL reads: {@code is_present} (boolean), {@code on_time} (boolean, null when unknown),
 * {@code first_seen}, {@code deadline}, {@code template}, {@code expected_template}, {@code value_cells},
 * {@code expected_cells}, {@code value_cells_<table>} (see {@link #cellFactsSql}), {@code v_<rule>}
 * (violations of each rule), {@code warnings_counted}, {@code copied} (boolean), {@code sim_kind}, {@code sim_body},
 * {@code sim_value} (the closest near-copy, {@link #similarFactsSql}; null when none).
 */
public final class ComplianceScore {
    private ComplianceScore() {}

    /**
     * A component: its column in the rankings table, Chinese label, explanation, default weight, SQL of its
     * value, SQL of its reason (a Chinese phrase, null when the component is full or unknown).
     */
    public record Component(String column, String label, String explanation, double defaultWeight, String sql,
                            String reasonSql) {}

    /** A scored template table: its cells table name, the name a reader knows it by, its column suffix. */
    public record ScoredTable(String table, String name, String suffix, long cells2021, long cells2019) {}

    public static final List<ScoredTable> SCORED_TABLES = List.of(
            new ScoredTable(TemplateSpec.ACTIVE_TABLE, "表二", "active", activeCells(TemplateSpec.Version.V2021), activeCells(TemplateSpec.Version.V2019)),
            new ScoredTable(TemplateSpec.APPLICATIONS_TABLE, "表三", "applications",
                    (long) TemplateSpec.applicationRows(TemplateSpec.Version.V2021).size() * TemplateSpec.APPLICANT_COLUMN_COUNT,
                    (long) TemplateSpec.applicationRows(TemplateSpec.Version.V2019).size() * TemplateSpec.APPLICANT_COLUMN_COUNT),
            new ScoredTable(TemplateSpec.REVIEW_TABLE, "表四", "review", TemplateSpec.reviewColumnKeys().size(), TemplateSpec.reviewColumnKeys().size()));

    private static long activeCells(TemplateSpec.Version v) {
        return TemplateSpec.ACTIVE_FIELDS.stream()
                .filter(f -> v == TemplateSpec.Version.V2021 ? f.columnLabel2021() != null : f.columnLabel2019() != null).count();
    }

    /** What an error rule checks, in the words of the template, and what it counts (列, 行, 处, 格). */
    public record RuleWords(String label, String broken, String unit) {}

    public static final Map<String, RuleWords> RULE_WORDS = Map.of(
            RuleBook.APP_BALANCE, new RuleWords("申请数平衡", "一+二≠总计+结转", "列"),
            RuleBook.APP_ROW_TOTAL, new RuleWords("申请人合计", "总计≠各类申请人之和", "行"),
            RuleBook.APP_OUTCOME_SUM, new RuleWords("处理结果合计", "总计≠各处理结果之和", "列"),
            RuleBook.REVIEW_TOTAL, new RuleWords("行政复议合计", "行政复议总计≠维持+纠正+其他+未审结", "处"),
            RuleBook.LITIGATION_DIRECT_TOTAL, new RuleWords("直接起诉合计", "直接起诉总计≠维持+纠正+其他+未审结", "处"),
            RuleBook.LITIGATION_AFTER_REVIEW_TOTAL, new RuleWords("复议后起诉合计", "复议后起诉总计≠维持+纠正+其他+未审结", "处"),
            RuleBook.NON_NEGATIVE, new RuleWords("数值合法", "负数或非整数", "格"));

    /** Share of the template's cells that carry a value. */
    static final String COMPLETENESS = "LEAST(1.0, COALESCE(value_cells, 0) / expected_cells)";

    public static final List<Component> COMPONENTS;

    static {
        List<Component> c = new ArrayList<>();
        c.add(new Component("present", "报告在库", "本年度报告已发布并收录为 1，缺失为 0（缺失机关的总分为 0）", 20,
                "CASE WHEN is_present THEN 1.0 ELSE 0.0 END",
                "CASE WHEN NOT is_present THEN '未发现本年度报告' END"));
        c.add(new Component("timeliness", "按时发布",
                "首次发现时间早于截止日期为 1，晚于为 0；部门 1 月 31 日、政府本级 3 月 31 日（条例第四十九条）；时间未知时不计入", 10,
                "CASE WHEN NOT is_present OR on_time IS NULL THEN NULL WHEN on_time THEN 1.0 ELSE 0.0 END",
                "CASE WHEN NOT is_present THEN NULL WHEN on_time IS NULL THEN '发布时间未知（不计分）'"
                        + " WHEN NOT on_time THEN '迟报 ' || CAST(GREATEST(1, CEIL((UNIX_SECONDS(first_seen) - UNIX_SECONDS(deadline)) / 86400.0)) AS STRING) || ' 天' END"));
        c.add(new Component("template_followed", "采用统一格式",
                "使用当年的全国统一格式为 1（2021 年起为 2021 版，2019–2020 年为 2019 版），另一版或混用为 0.5，其他为 0", 10,
                "CASE WHEN NOT is_present THEN NULL WHEN template = expected_template THEN 1.0"
                        + " WHEN template IN ('2019', '2021', 'hybrid') THEN 0.5 ELSE 0.0 END",
                "CASE WHEN NOT is_present OR template = expected_template THEN NULL"
                        + " WHEN template IN ('2019', '2021') THEN '采用 ' || template || ' 版格式（应为 ' || expected_template || ' 版）'"
                        + " WHEN template = 'hybrid' THEN '混用两版格式' ELSE '未采用统一格式' END"));
        c.add(new Component("tables_complete", "表格完整", "统一格式应填单元格中有数值的比例（空白、无法识别的单元格扣分）", 10,
                "CASE WHEN NOT is_present THEN NULL ELSE " + COMPLETENESS + " END",
                blanksReasonSql()));
        for (String id : LakeSchema.errorRuleIds()) {
            RuleWords w = RULE_WORDS.get(id);
            String v = "COALESCE(" + violationColumn(id) + ", 0)";
            c.add(new Component(LakeSchema.ruleComponentColumn(id), "勾稽·" + w.label(),
                    "「" + w.broken().replace("≠", "=") + "」全部成立时为表格完整度（空白处无从核对，只按已填比例计分），有任一违反为 0", 5,
                    "CASE WHEN NOT is_present THEN NULL WHEN " + v + " = 0 THEN " + COMPLETENESS + " ELSE 0.0 END",
                    "CASE WHEN is_present AND " + v + " > 0 THEN '" + (RuleBook.NON_NEGATIVE.equals(id) ? "数值：" : "勾稽关系：")
                            + w.broken() + "，' || CAST(" + v + " AS STRING) || ' " + w.unit() + "' END"));
        }
        c.add(new Component("warnings_ok", "警示项",
                "(1 − min(1, 警示项数 / 上限)) × 表格完整度；上限见配置 warnings.cap；“与上年雷同”“与其他机关雷同”另计（见未照抄雷同）", 5,
                "CASE WHEN NOT is_present THEN NULL ELSE (1.0 - LEAST(1.0, COALESCE(warnings_counted, 0) / ${warnings_cap})) * "
                        + COMPLETENESS + " END",
                "CASE WHEN is_present AND COALESCE(warnings_counted, 0) > 0 THEN '警示 ' || CAST(warnings_counted AS STRING) || ' 项' END"));
        c.add(new Component("not_copied", "未照抄雷同",
                "正文与本机关上一年度报告相同或雷同、或与同年其他机关的报告雷同（similar_reports，相似度达到阈值）为 0，否则为 1", 10,
                "CASE WHEN NOT is_present THEN NULL WHEN copied THEN 0.0 ELSE 1.0 END",
                "CASE WHEN is_present AND copied THEN CASE"
                        + " WHEN sim_kind = 'cross_body' THEN '正文与' || COALESCE(sim_body, '其他机关') || '雷同（相似度 ' || FORMAT_NUMBER(sim_value, 2) || '）'"
                        + " WHEN sim_kind = 'previous_year' AND sim_value < 1.0 THEN '正文与上年雷同（相似度 ' || FORMAT_NUMBER(sim_value, 2) || '）'"
                        + " ELSE '正文与上年相同' END END"));
        COMPONENTS = Collections.unmodifiableList(c);
    }

    /**
     * Per report, the closest near-copy it is the later side of in {@code similar_reports}
     * ({@code sim_report_id}, {@code sim_kind}, {@code sim_body} — the other body —, {@code sim_value}).
     */
    public static String similarFactsSql(String similarView) {
        return "SELECT report_id_b AS sim_report_id, MAX_BY(kind, similarity) AS sim_kind, MAX_BY(body_a, similarity) AS sim_body,"
                + " MAX(similarity) AS sim_value FROM " + similarView + " GROUP BY report_id_b";
    }

    /** 「表二空白 3 格、表三空白 170 格」: the blanks of each scored table, null when none. */
    private static String blanksReasonSql() {
        StringJoiner parts = new StringJoiner(", ");
        for (ScoredTable t : SCORED_TABLES) {
            String blanks = "GREATEST(0, CASE WHEN template = '2019' THEN " + t.cells2019() + " ELSE " + t.cells2021()
                    + " END - COALESCE(" + valueCellsColumn(t) + ", 0))";
            parts.add("CASE WHEN " + blanks + " > 0 THEN '" + t.name() + "空白 ' || CAST(" + blanks + " AS STRING) || ' 格' END");
        }
        return "CASE WHEN is_present THEN NULLIF(CONCAT_WS('、', " + parts + "), '') END";
    }

    /** Column of the facts counting the value cells of one scored table. */
    public static String valueCellsColumn(ScoredTable t) { return "value_cells_" + t.suffix(); }

    /**
     * Per report, the value cells of the scored tables ({@code value_cells}) and of each table
     * ({@code value_cells_<table>}), keyed {@code cf_report_id}, from a cells view.
     */
    public static String cellFactsSql(String cellsView) {
        StringJoiner tables = new StringJoiner(", ");
        StringJoiner each = new StringJoiner(", ");
        for (ScoredTable t : SCORED_TABLES) {
            tables.add("'" + t.table() + "'");
            each.add("SUM(CASE WHEN status = 'value' AND table_name = '" + t.table() + "' THEN 1 ELSE 0 END) AS " + valueCellsColumn(t));
        }
        return "SELECT report_id AS cf_report_id, SUM(CASE WHEN status = 'value' THEN 1 ELSE 0 END) AS value_cells, " + each
                + " FROM " + cellsView + " WHERE table_name IN (" + tables + ") GROUP BY report_id";
    }

    /** Cells the template version asks for in the scored tables (2019: fewer rows and active fields; others as 2021). */
    public static long expectedCells(TemplateSpec.Version v) {
        long n = 0;
        for (ScoredTable t : SCORED_TABLES) n += v == TemplateSpec.Version.V2019 ? t.cells2019() : t.cells2021();
        return n;
    }

    /** Rule id of the copy check: counted by its own component (not_copied), not among the warnings. */
    static final String COPY_RULE = RuleBook.DUPLICATE_OF_PREVIOUS_YEAR;

    /**
     * Per report, keyed {@code vf_report_id}, from a violations view: the violations of each rule
     * ({@link #violationColumn}), {@code error_violations}, {@code warning_violations}, {@code warnings_counted}
     * (the warnings without the two copy checks, which not_copied counts) and {@code copy_violations}.
     */
    public static String violationFactsSql(String violationsView) {
        StringJoiner pivot = new StringJoiner(", ");
        for (RuleBook.RuleInfo r : RuleBook.RULES) {
            pivot.add("SUM(CASE WHEN rule = '" + r.id() + "' THEN 1 ELSE 0 END) AS " + violationColumn(r.id()));
        }
        return "SELECT report_id AS vf_report_id, " + pivot + ","
                + " SUM(CASE WHEN severity = 'error' THEN 1 ELSE 0 END) AS error_violations,"
                + " SUM(CASE WHEN severity = 'warning' THEN 1 ELSE 0 END) AS warning_violations,"
                + " SUM(CASE WHEN severity = 'warning' AND rule NOT IN ('" + COPY_RULE + "', '" + RuleBook.COPY_FROM_OTHER_BODY
                + "') THEN 1 ELSE 0 END) AS warnings_counted,"
                + " SUM(CASE WHEN rule = '" + COPY_RULE + "' THEN 1 ELSE 0 END) AS copy_violations"
                + " FROM " + violationsView + " GROUP BY report_id";
    }

    /**
     * The facts view with every component column, {@code score} ({@link #scoreSql}) and {@code reasons}
     * ({@link #reasonsSql}) added: what sql/gold/rankings.sql ranks.
     */
    public static String scoredSql(String factsView, ScoringConfig conf) {
        StringJoiner components = new StringJoiner(", ");
        for (Component c : COMPONENTS) components.add(componentSql(c, conf) + " AS " + c.column());
        return "WITH comp AS (SELECT f.*, " + components + " FROM " + factsView + " f)"
                + " SELECT comp.*, " + scoreSql(conf) + " AS score, " + reasonsSql() + " AS reasons FROM comp";
    }

    /** Column of the facts view counting the violations of a rule. */
    public static String violationColumn(String ruleId) { return "v_" + ruleId.toLowerCase(Locale.ROOT); }

    /** SQL of a component with the configuration's values filled in. */
    public static String componentSql(Component c, ScoringConfig conf) {
        return c.sql().replace("${warnings_cap}", Double.toString(conf.warningsCap()));
    }

    /** The one-line reason of a body over the facts: every component's reason, joined by 「；」 (null when none). */
    public static String reasonsSql() {
        StringJoiner parts = new StringJoiner(", ");
        for (Component c : COMPONENTS) parts.add(c.reasonSql());
        return "NULLIF(CONCAT_WS('；', " + parts + "), '')";
    }

    /**
     * The score over a row that already carries every component column:
     * 100 × Σ w·c / Σ w over the non-null components, rounded to 2 decimals (0 when nothing is known).
     */
    public static String scoreSql(ScoringConfig conf) {
        StringJoiner num = new StringJoiner(" + ");
        StringJoiner den = new StringJoiner(" + ");
        for (Component c : COMPONENTS) {
            double w = conf.weight(c.column());
            num.add(w + " * COALESCE(" + c.column() + ", 0.0)");
            den.add("CASE WHEN " + c.column() + " IS NULL THEN 0.0 ELSE " + w + " END");
        }
        return "ROUND(COALESCE(100.0 * (" + num + ") / NULLIF(" + den + ", 0.0), 0.0), 2)";
    }
}
