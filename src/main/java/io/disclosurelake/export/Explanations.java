package io.disclosurelake.export;

import io.disclosurelake.rank.ScoringConfig;

import java.util.List;

/** The words that explain the score, ranks and rates, shared by the XLSX sheet and the HTML report. */
public final class Explanations {
    private Explanations() {}

    public static List<String[]> general(ScoringConfig conf) {
        return List.of(
                new String[]{"合规得分", "100 × Σ(权重 × 分项) / Σ(已知分项的权重)；分项取值 0–1，未知的分项（如首次发现时间未知时的按时发布）不计入分母；保留两位小数"},
                new String[]{"排名", "按合规得分从高到低的竞争排名（1,2,2,4）：得分相同者名次相同；序号依次按得分、错误数（少者在前）、机关名称、报告编号排列"},
                new String[]{"报告缺失", "往年有报告而本年没有的机关列入排名，得分为 0"},
                new String[]{"不予公开率", "Σ（三）不予公开 / （七）总计；办结申请不少于 " + conf.minCasesNonDisclosure() + " 件的机关才参与此项排名（从高到低）"},
                new String[]{"行政复议纠错率", "结果纠正 / (总计 − 尚未审结)；审结不少于 " + conf.minCasesReviewCorrection() + " 件的机关才参与此项排名（从高到低）"},
                new String[]{"小样本", "分母小于 " + conf.minDenominator() + " 的比率标记为小样本，不计入分布（中位数、P10、P90）"},
                new String[]{"全区域汇总", "政府本级报告涵盖全区域时，不与其部门报告相加，单独列示"});
    }
}
