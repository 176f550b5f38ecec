package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import io.disclosurelake.spec.RuleBook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The compliance score of docs/ranking.md as data: every component (in [0, 1]) with its label, its
 * explanation and its SQL over the per-body facts that {@link GoldLayer} prepares. The score is
 * {@code 100 × Σ weight × component / Σ weight of the known components}; the rankings table, the exports and
 * the explanation sheet all read this one list, so what a body sees beside its score is what was summed.
 *
 * <p>Facts columns the SQL reads: {@code is_present} (boolean), {@code on_time} (boolean, null when unknown),
 * {@code template}, {@code expected_template}, {@code value_cells}, {@code expected_cells}, {@code v_<rule>}
 * (violations of each rule), {@code warnings_counted}, {@code copied} (boolean).
 */
public final class ComplianceScore {
    private ComplianceScore() {}

    /** A component: its column in the rankings table, Chinese label, explanation, default weight, SQL. */
    public record Component(String column, String label, String explanation, double defaultWeight, String sql) {}

    public static final List<Component> COMPONENTS;

    static {
        List<Component> c = new ArrayList<>();
        c.add(new Component("present", "报告在库", "本年度报告已发布并收录为 1，缺失为 0（缺失机关的总分为 0）", 20,
                "CASE WHEN is_present THEN 1.0 ELSE 0.0 END"));
        c.add(new Component("timeliness", "按时发布",
                "首次发现时间早于截止日期为 1，晚于为 0；部门 1 月 31 日、政府本级 3 月 31 日（条例第四十九条）；时间未知时不计入", 10,
                "CASE WHEN NOT is_present OR on_time IS NULL THEN NULL WHEN on_time THEN 1.0 ELSE 0.0 END"));
        c.add(new Component("template_followed", "采用统一格式",
                "使用当年的全国统一格式为 1（2021 年起为 2021 版，2019–2020 年为 2019 版），另一版或混用为 0.5，其他为 0", 10,
                "CASE WHEN NOT is_present THEN NULL WHEN template = expected_template THEN 1.0"
                        + " WHEN template IN ('2019', '2021', 'hybrid') THEN 0.5 ELSE 0.0 END"));
        c.add(new Component("tables_complete", "表格完整", "统一格式应填单元格中有数值的比例（空白、无法识别的单元格扣分）", 10,
                "CASE WHEN NOT is_present THEN NULL ELSE LEAST(1.0, COALESCE(value_cells, 0) / expected_cells) END"));
        for (String id : LakeSchema.errorRuleIds()) {
            c.add(new Component(LakeSchema.ruleComponentColumn(id), "勾稽关系 " + id,
                    "规则 " + id + "（" + RuleBook.rule(id).description() + "）全部成立为 1，有任一违反为 0", 5,
                    "CASE WHEN NOT is_present THEN NULL WHEN COALESCE(" + violationColumn(id) + ", 0) = 0 THEN 1.0 ELSE 0.0 END"));
        }
        c.add(new Component("warnings_ok", "警示项", "1 − min(1, 警示项数 / 上限)；上限见配置 warnings.cap；“与上年雷同”另计", 5,
                "CASE WHEN NOT is_present THEN NULL ELSE 1.0 - LEAST(1.0, COALESCE(warnings_counted, 0) / ${warnings_cap}) END"));
        c.add(new Component("not_copied", "未照抄上年", "正文与本机关上一年度报告相同（雷同）为 0，否则为 1", 10,
                "CASE WHEN NOT is_present THEN NULL WHEN copied THEN 0.0 ELSE 1.0 END"));
        COMPONENTS = Collections.unmodifiableList(c);
    }

    /** Column of the facts view counting the violations of a rule. */
    public static String violationColumn(String ruleId) { return "v_" + ruleId.toLowerCase(Locale.ROOT); }

    /** SQL of a component with the configuration's values filled in. */
    public static String componentSql(Component c, ScoringConfig conf) {
        return c.sql().replace("${warnings_cap}", Double.toString(conf.warningsCap()));
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
