package io.disclosurelake.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national template as data: every row, column and field of the three statistical tables, with the
 * labels a document prints for them. The matcher, the generator, the rule book, the Delta schemas and the
 * data dictionary all read this one definition, so they cannot disagree about what a row is.
 */
public final class TemplateSpec {
    private TemplateSpec() {}

    public static final String ACTIVE_TABLE = "active_disclosure";
    public static final String APPLICATIONS_TABLE = "applications";
    public static final String REVIEW_TABLE = "review_litigation";
    public static final String ACTIVE_2019_TABLE = "active_2019";

    /** Canonical template versions, as in docs/report-json.md. */
    public enum Version {
        V2021("2021"), V2019("2019"), HYBRID("hybrid"), LEGACY("legacy"), UNKNOWN("unknown");
        public final String id;
        Version(String id) { this.id = id; }
        public static Version of(String id) {
            for (Version v : values()) if (v.id.equals(id)) return v;
            throw new IllegalArgumentException("unknown template version " + id);
        }
    }

    // ---------------------------------------------------------------- table 三: applicant columns

    /** One of the seven applicant columns of table 三. */
    public record ApplicantColumn(String key, String label) {}

    public static final List<ApplicantColumn> APPLICANT_COLUMNS = List.of(
            new ApplicantColumn("natural_person", "自然人"),
            new ApplicantColumn("commercial_enterprise", "商业企业"),
            new ApplicantColumn("research_institution", "科研机构"),
            new ApplicantColumn("public_interest_org", "社会公益组织"),
            new ApplicantColumn("legal_service_org", "法律服务机构"),
            new ApplicantColumn("other_org", "其他"),
            new ApplicantColumn("total", "总计"));

    public static final int APPLICANT_COLUMN_COUNT = 7;
    public static final int TOTAL_COLUMN = 6;

    public static List<String> applicantColumnKeys() {
        return APPLICANT_COLUMNS.stream().map(ApplicantColumn::key).toList();
    }

    // ---------------------------------------------------------------- table 三: rows

    /**
     * A row of table 三. {@code key} is the JSON path of the row (docs/report-json.md); {@code group} the
     * outcome group it sits under (e.g. "withheld" for （三）不予公开), null for top-level rows;
     * {@code label} the 2021 wording without numbering; {@code keywords} fragments that identify the row
     * once the label is normalised (numbering stripped, widths folded, spaces removed); {@code in2019}
     * and {@code in2021} whether the version prints it.
     */
    public record ApplicationRow(String key, String group, String groupLabel, String number, String label,
                                 List<String> keywords, boolean in2019, boolean in2021) {
        /** The printed row label as the 2021 template words it, numbering included. */
        public String printedLabel() { return number + label; }
        /** Whether it is one of the outcome rows that make up （七）总计. */
        public boolean isOutcome() {
            return group != null || key.equals("disclosed") || key.equals("partially_disclosed");
        }
    }

    public static final List<ApplicationRow> APPLICATION_ROWS;

    /** Outcome groups of 三、本年度办理结果 with their printed headings. */
    public record OutcomeGroup(String key, String number, String label) {}

    public static final List<OutcomeGroup> OUTCOME_GROUPS = List.of(
            new OutcomeGroup("withheld", "（三）", "不予公开"),
            new OutcomeGroup("unable_to_provide", "（四）", "无法提供"),
            new OutcomeGroup("not_processed", "（五）", "不予处理"),
            new OutcomeGroup("other", "（六）", "其他处理"));

    static {
        List<ApplicationRow> r = new ArrayList<>();
        r.add(row("new", null, "一、", "本年新收政府信息公开申请数量", List.of("本年新收"), true, true));
        r.add(row("carried_over", null, "二、", "上年结转政府信息公开申请数量", List.of("上年结转"), true, true));
        r.add(row("disclosed", null, "（一）", "予以公开", List.of("予以公开"), true, true));
        r.add(row("partially_disclosed", null, "（二）", "部分公开（区分处理的，只计这一情形，不计其他情形）", List.of("部分公开"), true, true));
        r.add(row("withheld.state_secret", "withheld", "1.", "属于国家秘密", List.of("国家秘密"), true, true));
        r.add(row("withheld.prohibited_by_law", "withheld", "2.", "其他法律行政法规禁止公开", List.of("禁止公开"), true, true));
        r.add(row("withheld.three_safeties_one_stability", "withheld", "3.", "危及“三安全一稳定”", List.of("三安全一稳定", "三安全"), true, true));
        r.add(row("withheld.third_party_rights", "withheld", "4.", "保护第三方合法权益", List.of("第三方合法权益", "第三方"), true, true));
        r.add(row("withheld.internal_affairs", "withheld", "5.", "属于三类内部事务信息", List.of("内部事务"), true, true));
        r.add(row("withheld.process_info", "withheld", "6.", "属于四类过程性信息", List.of("过程性信息"), true, true));
        r.add(row("withheld.law_enforcement_files", "withheld", "7.", "属于行政执法案卷", List.of("行政执法案卷", "执法案卷"), true, true));
        r.add(row("withheld.administrative_query", "withheld", "8.", "属于行政查询事项", List.of("行政查询"), true, true));
        r.add(row("unable_to_provide.not_held", "unable_to_provide", "1.", "本机关不掌握相关政府信息", List.of("不掌握"), true, true));
        r.add(row("unable_to_provide.needs_new_production", "unable_to_provide", "2.", "没有现成信息需要另行制作", List.of("另行制作", "没有现成信息"), true, true));
        r.add(row("unable_to_provide.unclear_after_correction", "unable_to_provide", "3.", "补正后申请内容仍不明确", List.of("仍不明确", "补正后"), true, true));
        r.add(row("not_processed.petition_complaint", "not_processed", "1.", "信访举报投诉类申请", List.of("信访举报投诉", "信访"), true, true));
        r.add(row("not_processed.repeated", "not_processed", "2.", "重复申请", List.of("重复申请"), true, true));
        r.add(row("not_processed.publications", "not_processed", "3.", "要求提供公开出版物", List.of("公开出版物"), true, true));
        r.add(row("not_processed.massive_repeated", "not_processed", "4.", "无正当理由大量反复申请", List.of("大量反复申请", "大量反复"), true, true));
        r.add(row("not_processed.confirm_or_reissue", "not_processed", "5.", "要求行政机关确认或重新出具已获取信息", List.of("重新出具", "确认或重新"), true, true));
        r.add(row("other.overdue_correction", "other", "1.", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", List.of("逾期不补正"), false, true));
        r.add(row("other.overdue_fee", "other", "2.", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", List.of("收费通知", "缴纳费用"), false, true));
        // In 2019 （六）其他处理 is a single row; it maps onto other.other (docs/report-json.md).
        r.add(row("other.other", "other", "3.", "其他", List.of("其他"), true, true));
        r.add(row("total", null, "（七）", "总计", List.of("总计"), true, true));
        r.add(row("carried_forward", null, "四、", "结转下年度继续办理", List.of("结转下年度", "继续办理"), true, true));
        APPLICATION_ROWS = Collections.unmodifiableList(r);
    }

    private static ApplicationRow row(String key, String group, String number, String label, List<String> keywords,
                                      boolean in2019, boolean in2021) {
        String groupLabel = null;
        if (group != null) {
            for (OutcomeGroup g : OUTCOME_GROUPS) if (g.key().equals(group)) groupLabel = g.number() + g.label();
        }
        return new ApplicationRow(key, group, groupLabel, number, label, keywords, in2019, in2021);
    }

    public static ApplicationRow applicationRow(String key) {
        for (ApplicationRow r : APPLICATION_ROWS) if (r.key().equals(key)) return r;
        throw new IllegalArgumentException("no application row " + key);
    }

    public static List<String> applicationRowKeys() {
        return APPLICATION_ROWS.stream().map(ApplicationRow::key).toList();
    }

    public static List<ApplicationRow> applicationRows(Version v) {
        return APPLICATION_ROWS.stream().filter(r -> v == Version.V2019 ? r.in2019() : r.in2021()).toList();
    }

    // ---------------------------------------------------------------- table 二: active disclosure

    /**
     * A field of table 二 (2021 naming, the canonical one). {@code article} is the sub-table heading
     * (第二十条第（一）项 …), {@code rowLabel} the row, {@code columnLabel2021} and {@code columnLabel2019}
     * the column headers that hold it in each version (null where the version has no such cell).
     */
    public record ActiveField(String key, String article, String rowLabel, String columnLabel2021,
                              String columnLabel2019, boolean decimal, String unit) {}

    public static final List<ActiveField> ACTIVE_FIELDS = List.of(
            new ActiveField("regulations_issued", "第二十条第（一）项", "规章", "本年制发件数", "本年新制作数量", false, "件"),
            new ActiveField("regulations_repealed", "第二十条第（一）项", "规章", "本年废止件数", null, false, "件"),
            new ActiveField("regulations_in_force", "第二十条第（一）项", "规章", "现行有效件数", "对外公开总数量", false, "件"),
            new ActiveField("normative_docs_issued", "第二十条第（一）项", "行政规范性文件", "本年制发件数", "本年新制作数量", false, "件"),
            new ActiveField("normative_docs_repealed", "第二十条第（一）项", "行政规范性文件", "本年废止件数", null, false, "件"),
            new ActiveField("normative_docs_in_force", "第二十条第（一）项", "行政规范性文件", "现行有效件数", "对外公开总数量", false, "件"),
            new ActiveField("licensing_decisions", "第二十条第（五）项", "行政许可", "本年处理决定数量", "处理决定数量", false, "件"),
            new ActiveField("punishment_decisions", "第二十条第（六）项", "行政处罚", "本年处理决定数量", "处理决定数量", false, "件"),
            new ActiveField("coercion_decisions", "第二十条第（六）项", "行政强制", "本年处理决定数量", "处理决定数量", false, "件"),
            new ActiveField("fees_wan_yuan", "第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）", null, true, "万元"));

    public static List<String> activeFieldKeys() {
        return ACTIVE_FIELDS.stream().map(ActiveField::key).toList();
    }

    /** Cells that only the 2019 trial table prints; they go to {@code active_2019} verbatim. */
    public record Active2019Field(String key, String article, String rowLabel, String columnLabel, boolean decimal) {}

    public static final List<Active2019Field> ACTIVE_2019_FIELDS = List.of(
            new Active2019Field("regulations_new", "第二十条第（一）项", "规章", "本年新制作数量", false),
            new Active2019Field("regulations_published", "第二十条第（一）项", "规章", "本年新公开数量", false),
            new Active2019Field("regulations_total", "第二十条第（一）项", "规章", "对外公开总数量", false),
            new Active2019Field("normative_docs_new", "第二十条第（一）项", "规范性文件", "本年新制作数量", false),
            new Active2019Field("normative_docs_published", "第二十条第（一）项", "规范性文件", "本年新公开数量", false),
            new Active2019Field("normative_docs_total", "第二十条第（一）项", "规范性文件", "对外公开总数量", false),
            new Active2019Field("licensing_previous_items", "第二十条第（五）项", "行政许可", "上一年项目数量", false),
            new Active2019Field("licensing_change", "第二十条第（五）项", "行政许可", "本年增/减", false),
            new Active2019Field("licensing_decisions", "第二十条第（五）项", "行政许可", "处理决定数量", false),
            new Active2019Field("other_services_previous_items", "第二十条第（五）项", "其他对外管理服务事项", "上一年项目数量", false),
            new Active2019Field("other_services_change", "第二十条第（五）项", "其他对外管理服务事项", "本年增/减", false),
            new Active2019Field("other_services_decisions", "第二十条第（五）项", "其他对外管理服务事项", "处理决定数量", false),
            new Active2019Field("punishment_previous_items", "第二十条第（六）项", "行政处罚", "上一年项目数量", false),
            new Active2019Field("punishment_change", "第二十条第（六）项", "行政处罚", "本年增/减", false),
            new Active2019Field("punishment_decisions", "第二十条第（六）项", "行政处罚", "处理决定数量", false),
            new Active2019Field("coercion_previous_items", "第二十条第（六）项", "行政强制", "上一年项目数量", false),
            new Active2019Field("coercion_change", "第二十条第（六）项", "行政强制", "本年增/减", false),
            new Active2019Field("coercion_decisions", "第二十条第（六）项", "行政强制", "处理决定数量", false),
            new Active2019Field("fees_previous_items", "第二十条第（八）项", "行政事业性收费", "上一年项目数量", false),
            new Active2019Field("fees_change", "第二十条第（八）项", "行政事业性收费", "本年增/减", false),
            new Active2019Field("procurement_items", "第二十条第（九）项", "政府集中采购", "采购项目数量", false),
            new Active2019Field("procurement_amount", "第二十条第（九）项", "政府集中采购", "采购总金额", true));

    /**
     * Row labels of table 二 as printed in either version, with fragments that recognise them once
     * normalised. The 2019 row 规范性文件 and the 2021 row 行政规范性文件 are one row.
     */
    public record ActiveRowLabel(String label, List<String> keywords) {}

    public static final List<ActiveRowLabel> ACTIVE_ROW_LABELS = List.of(
            new ActiveRowLabel("规章", List.of("规章")),
            new ActiveRowLabel("行政规范性文件", List.of("规范性文件")),
            new ActiveRowLabel("行政许可", List.of("行政许可")),
            new ActiveRowLabel("其他对外管理服务事项", List.of("其他对外管理服务", "对外管理服务")),
            new ActiveRowLabel("行政处罚", List.of("行政处罚")),
            new ActiveRowLabel("行政强制", List.of("行政强制")),
            new ActiveRowLabel("行政事业性收费", List.of("行政事业性收费", "事业性收费")),
            new ActiveRowLabel("政府集中采购", List.of("政府集中采购", "集中采购")));

    /** Column headers of table 二 in either version; the first whose keyword a header contains wins. */
    public record ActiveColumnLabel(String label, List<String> keywords) {}

    public static final List<ActiveColumnLabel> ACTIVE_COLUMN_LABELS = List.of(
            new ActiveColumnLabel("本年制发件数", List.of("制发")),
            new ActiveColumnLabel("本年废止件数", List.of("废止")),
            new ActiveColumnLabel("现行有效件数", List.of("现行有效")),
            // 2021 prints 本年处理决定数量, 2019 处理决定数量: one column.
            new ActiveColumnLabel("处理决定数量", List.of("处理决定")),
            new ActiveColumnLabel("本年收费金额（单位：万元）", List.of("收费金额")),
            new ActiveColumnLabel("本年新制作数量", List.of("新制作")),
            new ActiveColumnLabel("本年新公开数量", List.of("新公开")),
            new ActiveColumnLabel("对外公开总数量", List.of("公开总数")),
            new ActiveColumnLabel("上一年项目数量", List.of("上一年项目", "上年项目")),
            new ActiveColumnLabel("本年增/减", List.of("增/减", "增减")),
            new ActiveColumnLabel("采购项目数量", List.of("采购项目")),
            new ActiveColumnLabel("采购总金额", List.of("采购总金额", "采购金额")));

    /** Fragments of the two header rows of table 四 and of table 三's applicant header. */
    public static final List<String> REVIEW_HEADER_KEYWORDS = List.of("结果维持", "结果纠正", "尚未审结");
    public static final List<String> APPLICANT_HEADER_KEYWORDS = List.of("自然人", "申请人情况");

    /**
     * Keywords of outcome-group headings as printed (the row heading （三）不予公开 …); a group heading
     * that carries its own numbers is a subtotal the template does not have (except 2019's single （六）).
     */
    public static final Map<String, List<String>> OUTCOME_GROUP_KEYWORDS = Map.of(
            "withheld", List.of("不予公开"),
            "unable_to_provide", List.of("无法提供"),
            "not_processed", List.of("不予处理"),
            "other", List.of("其他处理"));

    // ---------------------------------------------------------------- table 四

    /** The three groups of table 四 and the five outcome columns of each. */
    public record ReviewGroup(String prefix, String label, String ruleId) {}

    public static final List<ReviewGroup> REVIEW_GROUPS = List.of(
            new ReviewGroup("review", "行政复议", "REVIEW_TOTAL"),
            new ReviewGroup("direct", "行政诉讼·未经复议直接起诉", "LITIGATION_DIRECT_TOTAL"),
            new ReviewGroup("after_review", "行政诉讼·复议后起诉", "LITIGATION_AFTER_REVIEW_TOTAL"));

    public static final List<String> REVIEW_OUTCOMES = List.of("upheld", "corrected", "other", "pending", "total");
    public static final List<String> REVIEW_OUTCOME_LABELS = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");

    /** The 15 column names of table 四 in print order: review_upheld … after_review_total. */
    public static List<String> reviewColumnKeys() {
        List<String> keys = new ArrayList<>(15);
        for (ReviewGroup g : REVIEW_GROUPS) for (String o : REVIEW_OUTCOMES) keys.add(g.prefix() + "_" + o);
        return Collections.unmodifiableList(keys);
    }

    public static final String REVIEW_ROW_KEY = "review_litigation";
    public static final String ACTIVE_COLUMN_KEY = "value";

    // ---------------------------------------------------------------- section headings and version markers

    /** Section headings (normalised, numbering stripped) and their accepted variants (docs/template.md §2). */
    public static final Map<String, List<String>> SECTION_HEADINGS;
    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("overview", List.of("总体情况"));
        m.put("active", List.of("主动公开政府信息情况"));
        m.put("applications", List.of("收到和处理政府信息公开申请情况"));
        m.put("review_litigation", List.of("政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                "政府信息公开行政复议及行政诉讼情况", "因政府信息公开申请行政复议、提起行政诉讼的情况", "行政复议、行政诉讼情况"));
        m.put("problems", List.of("存在的主要问题及改进情况", "存在的主要问题和改进措施", "存在的问题及改进情况"));
        m.put("other_matters", List.of("其他需要报告的事项"));
        SECTION_HEADINGS = Collections.unmodifiableMap(m);
    }

    public static final List<String> MARKERS_2021 = List.of("本年制发件数", "现行有效件数", "本年收费金额", "逾期未按收费通知");
    public static final List<String> MARKERS_2019 = List.of("本年新制作数量", "对外公开总数量", "上一年项目数量", "本年增/减", "第二十条第（九）项", "政府集中采购");
    public static final List<String> MARKERS_LEGACY = List.of("一、概述", "同意公开答复数", "否决公开答复总数", "政府信息公开的收费及减免情况",
            "回应解读情况", "机构建设和保障经费情况", "免予公开范围");
}
