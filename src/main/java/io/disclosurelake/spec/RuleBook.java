package io.disclosurelake.spec;

import io.disclosurelake.spec.TemplateSpec.ApplicationRow;
import io.disclosurelake.spec.TemplateSpec.ReviewGroup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.disclosurelake.spec.TemplateSpec.ACTIVE_TABLE;
import static io.disclosurelake.spec.TemplateSpec.APPLICATIONS_TABLE;
import static io.disclosurelake.spec.TemplateSpec.REVIEW_TABLE;

/**
 * Every rule of docs/rules.md and rate of docs/metrics.md as data, built from {@link TemplateSpec}. The Java
 * checks (rules/SumRuleCheck, rules/MetricCalculator) and the Spark SQL (rules/RuleSql) both read these lists.
 */
public final class RuleBook {
    private RuleBook() {}

    public static final String APP_BALANCE = "APP_BALANCE";
    public static final String APP_ROW_TOTAL = "APP_ROW_TOTAL";
    public static final String APP_OUTCOME_SUM = "APP_OUTCOME_SUM";
    public static final String REVIEW_TOTAL = "REVIEW_TOTAL";
    public static final String LITIGATION_DIRECT_TOTAL = "LITIGATION_DIRECT_TOTAL";
    public static final String LITIGATION_AFTER_REVIEW_TOTAL = "LITIGATION_AFTER_REVIEW_TOTAL";
    public static final String NON_NEGATIVE = "NON_NEGATIVE";
    public static final String FEE_UNIT = "FEE_UNIT";
    public static final String INCOMPLETE_TABLE = "INCOMPLETE_TABLE";
    public static final String CARRY_OVER_CONTINUITY = "CARRY_OVER_CONTINUITY";
    public static final String IN_FORCE_CONTINUITY = "IN_FORCE_CONTINUITY";
    public static final String REGULATIONS_BY_NON_LEGISLATOR = "REGULATIONS_BY_NON_LEGISLATOR";
    public static final String TEXT_TABLE_MISMATCH = "TEXT_TABLE_MISMATCH";
    public static final String DUPLICATE_OF_PREVIOUS_YEAR = "DUPLICATE_OF_PREVIOUS_YEAR";
    public static final String COPY_FROM_OTHER_BODY = "COPY_FROM_OTHER_BODY";
    public static final String OTHER_BODY_NAME_LEFT = "OTHER_BODY_NAME_LEFT";

    /** Every rule id of docs/rules.md with its severity, in the table's order. */
    public record RuleInfo(String id, String severity, boolean crossYear, String description) {}

    public static final List<RuleInfo> RULES = List.of(
            new RuleInfo(APP_BALANCE, "error", false, "一 + 二 = （七）总计 + 四, each applicant column"),
            new RuleInfo(APP_ROW_TOTAL, "error", false, "总计 = the six applicant columns, each row"),
            new RuleInfo(APP_OUTCOME_SUM, "error", false, "（七）总计 = （一）+（二）+Σ（三）+Σ（四）+Σ（五）+Σ（六）, each column"),
            new RuleInfo(REVIEW_TOTAL, "error", false, "行政复议 总计 = 维持 + 纠正 + 其他 + 尚未审结"),
            new RuleInfo(LITIGATION_DIRECT_TOTAL, "error", false, "未经复议直接起诉 总计 = 维持 + 纠正 + 其他 + 尚未审结"),
            new RuleInfo(LITIGATION_AFTER_REVIEW_TOTAL, "error", false, "复议后起诉 总计 = 维持 + 纠正 + 其他 + 尚未审结"),
            new RuleInfo(NON_NEGATIVE, "error", false, "counts are non-negative integers; the fee a non-negative decimal"),
            new RuleInfo(FEE_UNIT, "warning", false, "收费 is in 万元: a cell written in 元 or an implausible amount"),
            new RuleInfo(INCOMPLETE_TABLE, "warning", false, "blank or unreadable cells (missing, not 0)"),
            new RuleInfo(CARRY_OVER_CONTINUITY, "warning", true, "二、上年结转(t) = 四、结转下年度(t−1), each column"),
            new RuleInfo(IN_FORCE_CONTINUITY, "warning", true, "现行有效(t) = 现行有效(t−1) + 本年制发(t) − 本年废止(t)"),
            new RuleInfo(REGULATIONS_BY_NON_LEGISLATOR, "warning", false, "规章 ≠ 0 from a body that cannot make 规章"),
            new RuleInfo(TEXT_TABLE_MISMATCH, "warning", false, "narrative counts disagree with the tables"),
            new RuleInfo(DUPLICATE_OF_PREVIOUS_YEAR, "warning", true, "narrative or tables identical to the previous year's report"),
            new RuleInfo(COPY_FROM_OTHER_BODY, "warning", false, "narrative a near-copy of another body's report of the same year (similar_reports)"),
            new RuleInfo(OTHER_BODY_NAME_LEFT, "warning", false, "narrative still names the body it was copied from (similar_reports)"));

    /**
     * Rules judged over the whole lake by the gold layer's copy step (rank/CopyRules from similar_reports),
     * neither per report nor by the job's cross-year step: the job keeps their rows as the lake has them.
     */
    public static final List<String> LAKE_WIDE_RULES = List.of(COPY_FROM_OTHER_BODY, OTHER_BODY_NAME_LEFT);

    public static RuleInfo rule(String id) {
        for (RuleInfo r : RULES) if (r.id().equals(id)) return r;
        throw new IllegalArgumentException("unknown rule " + id);
    }

    public static String severity(String id) { return rule(id).severity(); }

    // ------------------------------------------------------------------ cell references

    public static CellRef app(String rowKey, int column) {
        return new CellRef(APPLICATIONS_TABLE, rowKey, TemplateSpec.APPLICANT_COLUMNS.get(column).key());
    }

    public static CellRef review(String prefix, String outcome) {
        return new CellRef(REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, prefix + "_" + outcome);
    }

    public static CellRef active(String key) {
        return new CellRef(ACTIVE_TABLE, key, TemplateSpec.ACTIVE_COLUMN_KEY);
    }

    /** The outcome rows that make up （七）总计: （一）, （二） and every row of （三）–（六）. */
    public static List<String> outcomeRowKeys() {
        return TemplateSpec.APPLICATION_ROWS.stream().filter(ApplicationRow::isOutcome).map(ApplicationRow::key).toList();
    }

    public static List<String> groupRowKeys(String group) {
        return TemplateSpec.APPLICATION_ROWS.stream().filter(r -> group.equals(r.group())).map(ApplicationRow::key).toList();
    }

    private static LinearExpr appColumnSum(List<String> rowKeys, int column) {
        return LinearExpr.sum(rowKeys.stream().map(k -> app(k, column)).toList());
    }

    /** A readable scope for a row: "（三）1.属于国家秘密", "一、本年新收…". */
    public static String rowScope(ApplicationRow r) {
        return (r.group() == null ? "" : groupNumber(r.group())) + r.printedLabel();
    }

    private static String groupNumber(String group) {
        for (TemplateSpec.OutcomeGroup g : TemplateSpec.OUTCOME_GROUPS) if (g.key().equals(group)) return g.number();
        return "";
    }

    // ------------------------------------------------------------------ sum rules

    public static final List<SumRule> SUM_RULES;
    public static final List<SumRule> CROSS_YEAR_RULES;

    static {
        List<SumRule> rules = new ArrayList<>();
        for (int c = 0; c < TemplateSpec.APPLICANT_COLUMN_COUNT; c++) {
            String scope = TemplateSpec.APPLICANT_COLUMNS.get(c).label();
            rules.add(new SumRule(APP_BALANCE, "error", scope,
                    LinearExpr.of(app("new", c), app("carried_over", c)),
                    LinearExpr.of(app("total", c), app("carried_forward", c)), true));
        }
        for (ApplicationRow r : TemplateSpec.APPLICATION_ROWS) {
            List<CellRef> parts = new ArrayList<>();
            for (int c = 0; c < TemplateSpec.TOTAL_COLUMN; c++) parts.add(app(r.key(), c));
            rules.add(new SumRule(APP_ROW_TOTAL, "error", rowScope(r),
                    LinearExpr.of(app(r.key(), TemplateSpec.TOTAL_COLUMN)), LinearExpr.sum(parts), true));
        }
        for (int c = 0; c < TemplateSpec.APPLICANT_COLUMN_COUNT; c++) {
            rules.add(new SumRule(APP_OUTCOME_SUM, "error", TemplateSpec.APPLICANT_COLUMNS.get(c).label(),
                    LinearExpr.of(app("total", c)), appColumnSum(outcomeRowKeys(), c), true));
        }
        for (ReviewGroup g : TemplateSpec.REVIEW_GROUPS) {
            rules.add(new SumRule(g.ruleId(), "error", g.label(),
                    LinearExpr.of(review(g.prefix(), "total")),
                    LinearExpr.of(review(g.prefix(), "upheld"), review(g.prefix(), "corrected"),
                            review(g.prefix(), "other"), review(g.prefix(), "pending")), true));
        }
        SUM_RULES = Collections.unmodifiableList(rules);

        List<SumRule> cross = new ArrayList<>();
        for (int c = 0; c < TemplateSpec.APPLICANT_COLUMN_COUNT; c++) {
            cross.add(new SumRule(CARRY_OVER_CONTINUITY, "warning", TemplateSpec.APPLICANT_COLUMNS.get(c).label(),
                    LinearExpr.of(app("carried_over", c)), LinearExpr.of(app("carried_forward", c).previousYear()), false));
        }
        for (String kind : List.of("regulations", "normative_docs")) {
            cross.add(new SumRule(IN_FORCE_CONTINUITY, "warning", kind.equals("regulations") ? "规章" : "行政规范性文件",
                    LinearExpr.of(active(kind + "_in_force")),
                    LinearExpr.of(active(kind + "_in_force").previousYear(), active(kind + "_issued"))
                            .minus(LinearExpr.of(active(kind + "_repealed"))), false));
        }
        CROSS_YEAR_RULES = Collections.unmodifiableList(cross);
    }

    // ------------------------------------------------------------------ rates

    public static final List<RatioMetric> METRICS;

    static {
        int t = TemplateSpec.TOTAL_COLUMN;
        LinearExpr closed = LinearExpr.of(app("total", t));
        List<String> notObtained = new ArrayList<>();
        for (String g : List.of("withheld", "unable_to_provide", "not_processed", "other")) notObtained.addAll(groupRowKeys(g));
        METRICS = List.of(
                new RatioMetric("disclosure_rate", "公开率",
                        LinearExpr.of(app("disclosed", t), app("partially_disclosed", t)), closed, "total_closed"),
                new RatioMetric("non_disclosure_rate", "不予公开率",
                        appColumnSum(groupRowKeys("withheld"), t), closed, "total_closed"),
                new RatioMetric("not_obtained_rate", "未获公开率", appColumnSum(notObtained, t), closed, "total_closed"),
                new RatioMetric("carry_forward_rate", "结转率",
                        LinearExpr.of(app("carried_forward", t)), LinearExpr.of(app("new", t), app("carried_over", t)),
                        "received"),
                new RatioMetric("review_correction_rate", "行政复议纠错率",
                        LinearExpr.of(review("review", "corrected")),
                        LinearExpr.of(review("review", "total")).minus(LinearExpr.of(review("review", "pending"))),
                        "concluded"),
                new RatioMetric("litigation_correction_rate", "行政诉讼纠错率",
                        LinearExpr.of(review("direct", "corrected"), review("after_review", "corrected")),
                        LinearExpr.of(review("direct", "total"), review("after_review", "total"))
                                .minus(LinearExpr.of(review("direct", "pending"), review("after_review", "pending"))),
                        "concluded"));
    }

    public static RatioMetric metric(String name) {
        for (RatioMetric m : METRICS) if (m.name().equals(name)) return m;
        throw new IllegalArgumentException("unknown metric " + name);
    }
}
