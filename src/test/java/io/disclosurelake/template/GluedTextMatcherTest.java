package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.spec.TemplateSpec.Version;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GluedTextMatcherTest {
    private static final String ACTIVE_2019 = "二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量"
            + "规章000规范性文件3 3 40第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可5 -2 7"
            + "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费350";

    @Test
    void table2019CellsOnlyWhereTheCutIsForced() {
        MatchedTables m = new GluedTextMatcher().match(ACTIVE_2019 + " 三、收到和处理政府信息公开申请情况", Version.V2019).tables();
        assertEquals(0, BigDecimal.ZERO.compareTo(m.active.get("规章|本年新制作数量").value()));
        assertEquals(0, new BigDecimal("40").compareTo(m.active.get("行政规范性文件|对外公开总数量").value()));
        // '5 -2 7': a minus after a space is a sign; 上一年 5, 增/减 −2, 决定 7
        assertEquals(0, new BigDecimal("-2").compareTo(m.active.get("行政许可|本年增/减").value()));
        assertEquals(0, new BigDecimal("7").compareTo(m.active.get("行政许可|处理决定数量").value()));
        Cell fee = m.active.get("行政事业性收费|上一年项目数量");
        assertEquals(CellStatus.UNREADABLE, fee.status());
        assertEquals("350", fee.raw());
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("'350'") && w.contains("2 ways")), m.warnings.toString());
    }

    private static final String ACTIVE_2019_PUNISHMENT = "二、主动公开政府信息情况 第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量"
            + "行政处罚2648-18538行政强制12-3 三、收到和处理政府信息公开申请情况";

    @Test
    void aSignGluedIntoARowIsNeverGuessed() {
        // the one wrong number seen: 行政处罚2648-18538 (2648 / −18 / 538) was read 2648 / blank / 18538
        MatchedTables m = new GluedTextMatcher().match(ACTIVE_2019_PUNISHMENT, Version.V2019).tables();
        for (String col : java.util.List.of("上一年项目数量", "本年增/减", "处理决定数量")) {
            Cell c = m.active.get("行政处罚|" + col);
            assertEquals(CellStatus.UNREADABLE, c.status(), col);
            assertEquals("2648-18538", c.raw());
        }
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("'2648-18538'") && w.contains("minus")), m.warnings.toString());
    }

    @Test
    void aGluedDashSplitWhenTheRulesLeaveOneCut() {
        // 行政强制12-3: −3 would stand in 处理决定数量, which NON_NEGATIVE forbids, so 12 / blank / 3 is the only cut
        MatchedTables m = new GluedTextMatcher().match(ACTIVE_2019_PUNISHMENT, Version.V2019).tables();
        assertEquals(0, new BigDecimal("12").compareTo(m.active.get("行政强制|上一年项目数量").value()));
        assertEquals(CellStatus.BLANK, m.active.get("行政强制|本年增/减").status());
        assertEquals(0, new BigDecimal("3").compareTo(m.active.get("行政强制|处理决定数量").value()));
    }

    @Test
    void rowTotalAloneFixesACut() {
        String text = "收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
                + "一、本年新收政府信息公开申请数量120000012二、上年结转政府信息公开申请数量0000000";
        MatchedTables m = new GluedTextMatcher().match(text, Version.V2021).tables();
        // 12|0|0|0|0|0|12 is the only cut whose row total holds (1|20|…|12 or 1|2|…|0|12 do not)
        Cell[] row = m.applications.get("new");
        assertEquals(0, new BigDecimal("12").compareTo(row[0].value()));
        assertEquals(0, new BigDecimal("12").compareTo(row[6].value()));
        assertEquals("12", row[6].raw());
    }

    @Test
    void ambiguousRowIsUnreadableWithAWarning() {
        String text = "收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
                + "一、本年新收政府信息公开申请数量110000011二、上年结转政府信息公开申请数量0000000";
        MatchedTables m = new GluedTextMatcher().match(text, Version.V2021).tables();
        for (Cell c : m.applications.get("new")) assertEquals(CellStatus.UNREADABLE, c.status());
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("110000011")));
        for (Cell c : m.applications.get("carried_over")) assertEquals(CellStatus.VALUE, c.status());
    }

    @Test
    void subtotalNumbersAfterARowAreFlagged() {
        String text = "收到和处理政府信息公开申请情况 申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
                + "一、本年新收政府信息公开申请数量1000001（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开1 0 0 0 0 0 1"
                + "1.属于国家秘密1000001";
        MatchedTables m = new GluedTextMatcher().match(text, Version.V2021).tables();
        assertEquals(0, BigDecimal.ZERO.compareTo(m.applications.get("partially_disclosed")[6].value()));
        assertEquals(0, BigDecimal.ONE.compareTo(m.applications.get("withheld.state_secret")[6].value()));
        assertTrue(m.warnings.stream().anyMatch(w -> w.contains("subtotal")), m.warnings.toString());
    }

    @Test
    void noTablesInPlainProse() {
        assertTrue(new GluedTextMatcher().match("本年度共收到申请13件，全部办结。", Version.UNKNOWN).tables().isEmpty());
    }
}
