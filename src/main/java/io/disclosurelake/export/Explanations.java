package io.disclosurelake.export;

import io.disclosurelake.rank.ScoringConfig;

import java.util.List;

/** The words that explain the score, ranks and rates, shared by the XLSX sheet and the HTML report. */
public final class Explanations {
    private Explanations() {}

    private static final java.util.Map<String, String> WARNING_NAMES = java.util.Map.of(
            io.disclosurelake.spec.RuleBook.FEE_UNIT, "收费金额单位",
            io.disclosurelake.spec.RuleBook.INCOMPLETE_TABLE, "表格空白",
            io.disclosurelake.spec.RuleBook.CARRY_OVER_CONTINUITY, "上年结转衔接",
            io.disclosurelake.spec.RuleBook.IN_FORCE_CONTINUITY, "现行有效件数衔接",
            io.disclosurelake.spec.RuleBook.REGULATIONS_BY_NON_LEGISLATOR, "无权制定规章却填报规章",
            io.disclosurelake.spec.RuleBook.TEXT_TABLE_MISMATCH, "正文与表格不符",
            io.disclosurelake.spec.RuleBook.DUPLICATE_OF_PREVIOUS_YEAR, "与上年雷同");

    /** A rule's name for readers (no English rule id in a report): 申请数平衡, 表格空白, … */
    public static String ruleName(String ruleId) {
        io.disclosurelake.rank.ComplianceScore.RuleWords w = io.disclosurelake.rank.ComplianceScore.RULE_WORDS.get(ruleId);
        if (w != null) return w.label();
        return WARNING_NAMES.getOrDefault(ruleId, ruleId);
    }

    public static List<String[]> general(ScoringConfig conf) {
        return List.of(
                new String[]{"合规得分", "100 × Σ(权重 × 分项) / Σ(已知分项的权重)；分项取值 0–1，未知的分项（如首次发现时间未知时的按时发布）不计入分母；保留两位小数"},
                new String[]{"排名", "按合规得分从高到低的竞争排名（1,2,2,4）：得分相同者名次相同；序号依次按得分、错误数（少者在前）、机关名称、报告编号排列"},
                new String[]{"排名 / 省内排名 / 全国排名", "全国文件和“全国”工作表中“排名”为全国排名，各省文件和工作表中为省内排名；“省内排名”“全国排名”两列始终如其名"},
                new String[]{"报告缺失", "往年有报告（或名单中应有报告）而本年未发现报告的机关列入排名，得分为 0"},
                new String[]{"报告无法读取", "已发布但文件无法读取（如扫描件无文字层、文件损坏或不安全）：这是读取方的问题，不参与排名、不计 0 分，另列并注明原因"},
                new String[]{"失分原因", "每个失分分项一句话，如“迟报 674 天”“表三空白 165 格”“勾稽关系：一+二≠总计+结转，2 列”"},
                new String[]{"不予公开率", "Σ（三）不予公开 / （七）总计；办结申请不少于 " + conf.minCasesNonDisclosure() + " 件的机关才参与此项排名（从高到低）"},
                new String[]{"行政复议纠错率", "结果纠正 / (总计 − 尚未审结)；审结不少于 " + conf.minCasesReviewCorrection() + " 件的机关才参与此项排名（从高到低）"},
                new String[]{"小样本", "分母小于 " + conf.minDenominator() + " 的比率标记为小样本，不计入分布（中位数、P10、P90）"},
                new String[]{"全区域汇总", "政府本级报告涵盖全区域时，不与其部门报告相加，单独列示"});
    }
}
