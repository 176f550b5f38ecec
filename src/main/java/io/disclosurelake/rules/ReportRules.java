package io.disclosurelake.rules;

import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.template.Gazetteer;
import io.disclosurelake.spec.TemplateSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-report rules of docs/rules.md that are not plain sums — NON_NEGATIVE, FEE_UNIT, INCOMPLETE_TABLE,
 * REGULATIONS_BY_NON_LEGISLATOR, TEXT_TABLE_MISMATCH — plus the sum rules through {@link SumRuleCheck} and the
 * rates through {@link MetricCalculator}. Severities come from {@link RuleBook}.
 */
public final class ReportRules {
    /** Default plausible maximum of 本年收费金额 in 万元 above which FEE_UNIT suspects 元. */
    public static final BigDecimal DEFAULT_MAX_FEE_WAN_YUAN = new BigDecimal("10000");

    private final BigDecimal maxFeeWanYuan;
    private final MetricCalculator metrics;

    public ReportRules(BigDecimal maxFeeWanYuan, int minDenominator) {
        this.maxFeeWanYuan = maxFeeWanYuan;
        this.metrics = new MetricCalculator(minDenominator);
    }

    public ReportRules() { this(DEFAULT_MAX_FEE_WAN_YUAN, MetricCalculator.DEFAULT_MIN_DENOMINATOR); }

    /** Checks every per-report rule and computes the metrics, replacing earlier findings. */
    public void apply(Report report) {
        report.clearViolations();
        SumRuleCheck.checkReport(report).forEach(report::addViolation);
        nonNegative(report).forEach(report::addViolation);
        feeUnit(report).ifPresent(report::addViolation);
        incompleteTables(report).forEach(report::addViolation);
        regulationsByNonLegislator(report).ifPresent(report::addViolation);
        textTableMismatch(report).forEach(report::addViolation);
        metrics.computeAll(report).forEach(report::putMetric);
    }

    static Violation violation(String rule, String scope, BigDecimal left, BigDecimal right, String detail) {
        BigDecimal diff = left != null && right != null ? left.subtract(right) : null;
        return new Violation(rule, RuleBook.severity(rule), scope, left, right, diff, detail);
    }

    // ------------------------------------------------------------------ NON_NEGATIVE

    public List<Violation> nonNegative(Report r) {
        List<Violation> out = new ArrayList<>();
        for (Cell c : r.allCells()) {
            if (!c.hasValue()) continue;
            boolean decimalAllowed = isDecimalField(c);
            boolean signed = c.table().equals(TemplateSpec.ACTIVE_2019_TABLE) && c.rowKey().endsWith("_change");
            String where = c.table() + "/" + c.rowKey() + "/" + c.columnKey();
            if (c.value().signum() < 0 && !signed)
                out.add(violation(RuleBook.NON_NEGATIVE, where, c.value(), BigDecimal.ZERO, "negative value '" + c.raw() + "'"));
            else if (!decimalAllowed && c.value().stripTrailingZeros().scale() > 0)
                out.add(violation(RuleBook.NON_NEGATIVE, where, c.value(), null, "a count that is not an integer: '" + c.raw() + "'"));
        }
        return out;
    }

    private static boolean isDecimalField(Cell c) {
        if (c.table().equals(TemplateSpec.ACTIVE_TABLE))
            return TemplateSpec.ACTIVE_FIELDS.stream().anyMatch(f -> f.key().equals(c.rowKey()) && f.decimal());
        if (c.table().equals(TemplateSpec.ACTIVE_2019_TABLE))
            return TemplateSpec.ACTIVE_2019_FIELDS.stream().anyMatch(f -> f.key().equals(c.rowKey()) && f.decimal());
        return false;
    }

    // ------------------------------------------------------------------ FEE_UNIT

    public Optional<Violation> feeUnit(Report r) {
        Cell fee = r.activeCell("fees_wan_yuan");
        if (fee == null || !fee.hasValue()) return Optional.empty();
        String raw = fee.raw() == null ? "" : fee.raw();
        if (raw.contains("元") && !raw.contains("万元"))
            return Optional.of(violation(RuleBook.FEE_UNIT, "本年收费金额（单位：万元）", fee.value(), null,
                    "fee printed in 元, not 万元: '" + raw + "'"));
        if (fee.value().compareTo(maxFeeWanYuan) > 0)
            return Optional.of(violation(RuleBook.FEE_UNIT, "本年收费金额（单位：万元）", fee.value(), maxFeeWanYuan,
                    "fee above the plausible maximum of " + maxFeeWanYuan.toPlainString() + " 万元: probably 元"));
        return Optional.empty();
    }

    // ------------------------------------------------------------------ INCOMPLETE_TABLE

    public List<Violation> incompleteTables(Report r) {
        List<Violation> out = new ArrayList<>();
        List<String> active = new ArrayList<>();
        for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) describe(r.activeCell(f.key()), f.key(), active);
        // the cells only the 2019 table prints (上一年项目数量, 采购总金额 …) are table 二 too; absent ones are not printed
        for (Cell c : r.active2019().values())
            if ((c.status() == CellStatus.BLANK || c.status() == CellStatus.UNREADABLE)) active.add("2019 " + c.rowKey() + " " + c.status().id());
        List<String> apps = new ArrayList<>();
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            Cell[] cells = r.applications().get(row.key());
            if (cells == null) { apps.add(row.key() + " missing"); continue; }
            for (Cell c : cells) if (c.status() == CellStatus.BLANK || c.status() == CellStatus.UNREADABLE)
                apps.add(row.key() + "/" + c.columnKey() + " " + c.status().id());
        }
        List<String> review = new ArrayList<>();
        Cell[] rl = r.reviewLitigation();
        List<String> keys = TemplateSpec.reviewColumnKeys();
        for (int i = 0; i < 15; i++) describe(rl[i], keys.get(i), review);
        add(out, "table 二 主动公开", active);
        add(out, "table 三 申请", apps);
        add(out, "table 四 复议诉讼", review);
        return out;
    }

    private static void describe(Cell c, String key, List<String> into) {
        if (c == null) into.add(key + " missing");
        else if (c.status() == CellStatus.BLANK || c.status() == CellStatus.UNREADABLE) into.add(key + " " + c.status().id());
    }

    private static void add(List<Violation> out, String scope, List<String> problems) {
        if (problems.isEmpty()) return;
        out.add(violation(RuleBook.INCOMPLETE_TABLE, scope, null, null, String.join("; ", problems)));
    }

    // ------------------------------------------------------------------ REGULATIONS_BY_NON_LEGISLATOR

    /** Only provincial governments and governments of 设区的市 make 规章. */
    public Optional<Violation> regulationsByNonLegislator(Report r) {
        BigDecimal issued = r.activeValue("regulations_issued");
        BigDecimal inForce = r.activeValue("regulations_in_force");
        BigDecimal shown = issued != null && issued.signum() != 0 ? issued : inForce != null && inForce.signum() != 0 ? inForce : null;
        if (shown == null || r.org() == null) return Optional.empty();
        if (canMakeRegulations(r.org())) return Optional.empty();
        return Optional.of(violation(RuleBook.REGULATIONS_BY_NON_LEGISLATOR, "规章", shown, BigDecimal.ZERO,
                r.org() + " is not a provincial or 设区的市 government and cannot make 规章"));
    }

    static boolean canMakeRegulations(String org) {
        Matcher m = Pattern.compile("^(.+?)(?:人民政府|政府)(?:办公厅|办公室)?$").matcher(org);
        if (!m.find()) return false;
        String place = m.group(1);
        Gazetteer g = Gazetteer.get();
        if (g.isProvinceOrPrefecture(place)) return true;
        // 省/自治区 short names (广东省人民政府 is listed in full; 内蒙古自治区 too)
        return g.provinces().stream().anyMatch(p -> p.equals(place));
    }

    // ------------------------------------------------------------------ TEXT_TABLE_MISMATCH

    private static final Pattern RECEIVED = Pattern.compile("(?:共|累计|全年|总计)?(?:收到|受理|新收|接收)[^。；;，,]{0,20}?申请[^。；;\\d]{0,8}?(\\d+)\\s*(?:件|条|个|份|宗)");
    private static final Pattern ANSWERED = Pattern.compile("(?:办结|答复)[^。；;，,\\d]{0,12}?(\\d+)\\s*(?:件|条|个|份|宗)");
    private static final Pattern REVIEW = Pattern.compile("行政复议[^。；;，,\\d]{0,10}?(\\d+)\\s*(?:件|起|宗|次)");
    private static final Pattern LITIGATION = Pattern.compile("行政诉讼[^。；;，,\\d]{0,10}?(\\d+)\\s*(?:件|起|宗|次)");

    public List<Violation> textTableMismatch(Report r) {
        List<Violation> out = new ArrayList<>();
        String text = r.narrative();
        if (text == null || text.isEmpty()) return out;
        BigDecimal newT = app(r, "new"), carried = app(r, "carried_over"), total = app(r, "total"), forward = app(r, "carried_forward");
        check(out, RECEIVED, text, "申请数", accepted(newT, sum(newT, carried), total));
        check(out, ANSWERED, text, "办结/答复数", accepted(total, sum(newT, carried) == null || forward == null ? null
                : sum(newT, carried).subtract(forward), newT));
        List<String> keys = TemplateSpec.reviewColumnKeys();
        BigDecimal rt = review(r, keys.indexOf("review_total")), rp = review(r, keys.indexOf("review_pending"));
        check(out, REVIEW, text, "行政复议", accepted(rt, rt == null || rp == null ? null : rt.subtract(rp)));
        BigDecimal dt = review(r, keys.indexOf("direct_total")), dp = review(r, keys.indexOf("direct_pending"));
        BigDecimal at = review(r, keys.indexOf("after_review_total")), ap = review(r, keys.indexOf("after_review_pending"));
        BigDecimal lt = sum(dt, at);
        BigDecimal lc = lt == null || dp == null || ap == null ? null : lt.subtract(dp).subtract(ap);
        check(out, LITIGATION, text, "行政诉讼", accepted(lt, lc, dt, at));
        return out;
    }

    private static List<BigDecimal> accepted(BigDecimal... values) {
        List<BigDecimal> l = new ArrayList<>();
        for (BigDecimal v : values) if (v != null) l.add(v);
        return l;
    }

    private static void check(List<Violation> out, Pattern p, String text, String scope, List<BigDecimal> accepted) {
        if (accepted.isEmpty()) return;
        Matcher m = p.matcher(text);
        while (m.find()) {
            BigDecimal said = new BigDecimal(m.group(1));
            if (accepted.stream().noneMatch(a -> a.compareTo(said) == 0)) {
                out.add(violation(RuleBook.TEXT_TABLE_MISMATCH, scope, said, accepted.get(0),
                        "narrative '" + m.group() + "' vs table " + accepted.get(0).toPlainString()));
                return;
            }
        }
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) { return a == null || b == null ? null : a.add(b); }

    private static BigDecimal app(Report r, String row) {
        Cell c = r.applicationCell(row, TemplateSpec.TOTAL_COLUMN);
        return c == null ? null : c.valueForRules(false);
    }

    private static BigDecimal review(Report r, int i) {
        Cell c = r.reviewCell(i);
        return c == null ? null : c.valueForRules(false);
    }
}
