package io.disclosurelake.rules;

import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Report;
import io.disclosurelake.model.Violation;
import io.disclosurelake.spec.TemplateSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRulesTest {
    /** A 2021 report whose every rule holds: 13 new, 12 closed (all disclosed), 1 carried forward. */
    static Report consistent() {
        Report r = new Report(new DocumentInfo("x.txt", "0", "txt", null, 1));
        r.setOrg("某某市民政局");
        r.setTemplate(TemplateSpec.Version.V2021);
        for (TemplateSpec.ActiveField f : TemplateSpec.ACTIVE_FIELDS) r.putActive(v(TemplateSpec.ACTIVE_TABLE, f.key(), "value", "0"));
        for (TemplateSpec.ApplicationRow row : TemplateSpec.APPLICATION_ROWS) {
            int n = switch (row.key()) { case "new" -> 13; case "disclosed", "total" -> 12; case "carried_forward" -> 1; default -> 0; };
            Cell[] cells = new Cell[7];
            for (int c = 0; c < 7; c++) cells[c] = v(TemplateSpec.APPLICATIONS_TABLE, row.key(), TemplateSpec.applicantColumnKeys().get(c),
                    String.valueOf(c == 0 || c == 6 ? n : 0));
            r.putApplicationRow(row.key(), cells);
        }
        int[] review = {1, 1, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < 15; i++) r.putReview(i, v(TemplateSpec.REVIEW_TABLE, TemplateSpec.REVIEW_ROW_KEY, TemplateSpec.reviewColumnKeys().get(i), String.valueOf(review[i])));
        return r;
    }

    static Cell v(String table, String row, String col, String raw) {
        return Cell.value(table, row, col, new BigDecimal(raw.replace("元", "").replace("万", "")), raw, null);
    }

    private static List<String> rules(Report r) {
        new ReportRules().apply(r);
        return r.violations().stream().map(Violation::rule).toList();
    }

    private static void setActive(Report r, String key, String raw) { r.putActive(v(TemplateSpec.ACTIVE_TABLE, key, "value", raw)); }

    @Test
    void consistentReportHasNoViolationsAndGetsMetrics() {
        Report r = consistent();
        assertEquals(List.of(), rules(r));
        assertEquals(1.0, r.metrics().get("disclosure_rate").value());
        assertEquals(6, r.metrics().size());
    }

    @Test
    void sumRulesComeFromTheRuleBook() {
        Report r = consistent();
        Cell[] row = r.applications().get("new").clone();
        row[6] = v(TemplateSpec.APPLICATIONS_TABLE, "new", "total", "14");
        r.putApplicationRow("new", row);
        List<String> ids = rules(r);
        assertTrue(ids.contains(RuleBook.APP_ROW_TOTAL));
        assertTrue(ids.contains(RuleBook.APP_BALANCE));
        assertEquals("error", r.violations().get(0).severity());
    }

    @Test
    void nonNegative() {
        Report r = consistent();
        setActive(r, "licensing_decisions", "-1");
        assertTrue(rules(r).contains(RuleBook.NON_NEGATIVE));
        r = consistent();
        setActive(r, "licensing_decisions", "1.5");
        assertTrue(rules(r).contains(RuleBook.NON_NEGATIVE));
        r = consistent();
        setActive(r, "fees_wan_yuan", "0.35");
        r.putActive2019(v(TemplateSpec.ACTIVE_2019_TABLE, "licensing_change", "value", "-3"));
        assertFalse(rules(r).contains(RuleBook.NON_NEGATIVE));
    }

    @Test
    void feeUnit() {
        Report r = consistent();
        setActive(r, "fees_wan_yuan", "35元");
        assertTrue(rules(r).contains(RuleBook.FEE_UNIT));
        assertEquals("warning", r.violations().stream().filter(x -> x.rule().equals(RuleBook.FEE_UNIT)).findFirst().orElseThrow().severity());
        r = consistent();
        setActive(r, "fees_wan_yuan", "20000");
        assertTrue(rules(r).contains(RuleBook.FEE_UNIT));
        r = consistent();
        setActive(r, "fees_wan_yuan", "1.5万元");
        assertFalse(rules(r).contains(RuleBook.FEE_UNIT));
        r = consistent();
        setActive(r, "fees_wan_yuan", "20000");
        new ReportRules(new BigDecimal("50000"), 30).apply(r);
        assertTrue(r.violations().stream().noneMatch(x -> x.rule().equals(RuleBook.FEE_UNIT)));
    }

    @Test
    void incompleteTableOncePerTableListingTheCells() {
        Report r = consistent();
        r.putActive(Cell.blank(TemplateSpec.ACTIVE_TABLE, "coercion_decisions", "value", "—", null));
        r.putActive(Cell.notInTemplate(TemplateSpec.ACTIVE_TABLE, "regulations_repealed", "value"));
        Cell[] row = r.applications().get("disclosed").clone();
        row[1] = Cell.blank(TemplateSpec.APPLICATIONS_TABLE, "disclosed", "commercial_enterprise", "", null);
        row[2] = Cell.unreadable(TemplateSpec.APPLICATIONS_TABLE, "disclosed", "research_institution", "1 2", null);
        r.putApplicationRow("disclosed", row);
        new ReportRules().apply(r);
        List<Violation> inc = r.violations().stream().filter(x -> x.rule().equals(RuleBook.INCOMPLETE_TABLE)).toList();
        assertEquals(2, inc.size());
        assertTrue(inc.get(0).detail().contains("coercion_decisions blank"));
        assertFalse(inc.get(0).detail().contains("regulations_repealed"));
        assertTrue(inc.get(1).detail().contains("disclosed/commercial_enterprise blank"));
        assertTrue(inc.get(1).detail().contains("disclosed/research_institution unreadable"));
    }

    @Test
    void unreadableCellOfTheTable2019IsAnIncompleteTable() {
        // 2019: 行政事业性收费 上一年项目数量 | 本年增/减 glued as '218' (2|18 or 21|8) — table 二 is incomplete
        Report r = consistent();
        r.setTemplate(TemplateSpec.Version.V2019);
        r.putActive2019(Cell.unreadable(TemplateSpec.ACTIVE_2019_TABLE, "fees_previous_items", "value", "218", null));
        r.putActive2019(v(TemplateSpec.ACTIVE_2019_TABLE, "procurement_items", "value", "3"));
        new ReportRules().apply(r);
        List<Violation> inc = r.violations().stream().filter(x -> x.rule().equals(RuleBook.INCOMPLETE_TABLE)).toList();
        assertEquals(1, inc.size());
        assertTrue(inc.get(0).detail().contains("fees_previous_items unreadable"), inc.get(0).detail());
        assertFalse(inc.get(0).detail().contains("procurement_items"));
    }

    @Test
    void regulationsOnlyFromProvincesAndCities() {
        for (String org : List.of("某某市民政局", "南关区人民政府", "长春市南关区人民政府", "吉林省民政厅")) {
            Report r = consistent();
            r.setOrg(org);
            setActive(r, "regulations_in_force", "2");
            assertTrue(rules(r).contains(RuleBook.REGULATIONS_BY_NON_LEGISLATOR), org);
        }
        for (String org : List.of("长春市人民政府", "吉林省人民政府", "广西壮族自治区人民政府", "北京市人民政府")) {
            Report r = consistent();
            r.setOrg(org);
            setActive(r, "regulations_issued", "1");
            assertFalse(rules(r).contains(RuleBook.REGULATIONS_BY_NON_LEGISLATOR), org);
        }
        assertFalse(rules(consistent()).contains(RuleBook.REGULATIONS_BY_NON_LEGISLATOR));
    }

    @Test
    void textTableMismatch() {
        Report r = consistent();
        r.setNarrative("本年度共收到政府信息公开申请15件。");
        assertTrue(rules(r).contains(RuleBook.TEXT_TABLE_MISMATCH));
        for (String ok : List.of("本年度共收到政府信息公开申请13件。", "共受理依申请公开13件，办结12件。",
                "全年答复申请13件", "被申请行政复议3件", "行政复议2件（已审结）", "无行政诉讼案件。")) {
            r = consistent();
            r.setNarrative(ok);
            assertFalse(rules(r).contains(RuleBook.TEXT_TABLE_MISMATCH), ok);
        }
        r = consistent();
        r.setNarrative("发生行政复议5件。");
        assertTrue(rules(r).contains(RuleBook.TEXT_TABLE_MISMATCH));
        r = consistent();
        r.setNarrative("提起行政诉讼2件。");
        assertTrue(rules(r).contains(RuleBook.TEXT_TABLE_MISMATCH));
    }
}
