package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.model.Cell;
import io.disclosurelake.model.CellStatus;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.TemplateSpec.Version;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2019 mapping of docs/report-json.md and what a hybrid report keeps. */
class TableAssemblerTest {
    private static Cell v(String raw) {
        return Cell.value("x", "x", "x", new BigDecimal(raw), raw, null);
    }

    private static MatchedTables tables2019Active() {
        MatchedTables m = new MatchedTables();
        m.active.put("规章|本年新制作数量", v("1"));
        m.active.put("规章|本年新公开数量", v("2"));
        m.active.put("规章|对外公开总数量", v("3"));
        m.active.put("行政规范性文件|本年新制作数量", v("4"));
        m.active.put("行政规范性文件|对外公开总数量", v("6"));
        m.active.put("行政许可|上一年项目数量", v("7"));
        m.active.put("行政许可|处理决定数量", v("9"));
        m.active.put("行政处罚|处理决定数量", v("10"));
        m.active.put("行政强制|处理决定数量", v("11"));
        m.active.put("政府集中采购|采购总金额", v("12.5"));
        return m;
    }

    private static Report report() { return new Report(new DocumentInfo("x", "0", "txt", null, 0)); }

    @Test
    void mapping2019() {
        Report r = report();
        MatchedTables m = tables2019Active();
        Cell[] row = new Cell[7];
        for (int i = 0; i < 7; i++) row[i] = v("0");
        m.applications.put("other.other", row);
        m.singleOtherRow = true;
        List<String> missing = TableAssembler.assemble(m, Version.V2019, r);
        assertEquals(0, BigDecimal.ONE.compareTo(r.activeValue("regulations_issued")));
        assertEquals(0, new BigDecimal("3").compareTo(r.activeValue("regulations_in_force")));
        assertEquals(CellStatus.NOT_IN_TEMPLATE, r.activeCell("regulations_repealed").status());
        assertEquals(CellStatus.NOT_IN_TEMPLATE, r.activeCell("fees_wan_yuan").status());
        assertEquals(0, new BigDecimal("9").compareTo(r.activeValue("licensing_decisions")));
        assertEquals(0, new BigDecimal("2").compareTo(r.active2019().get("regulations_published").value()));
        assertEquals(0, new BigDecimal("12.5").compareTo(r.active2019().get("procurement_amount").value()));
        assertEquals("active_2019", r.active2019().get("procurement_amount").table());
        assertEquals(CellStatus.NOT_IN_TEMPLATE, r.applicationCell("other.overdue_correction", 3).status());
        assertEquals(0, BigDecimal.ZERO.compareTo(r.applicationValue("other.other", 6)));
        assertTrue(missing.contains("table 三 new"));
        assertTrue(missing.contains("table 四"));
    }

    @Test
    void hybridKeeps2021ColumnsAndStill2019Cells() {
        Report r = report();
        MatchedTables m = tables2019Active();
        m.active.put("规章|本年废止件数", v("0"));
        m.active.put("行政事业性收费|本年收费金额（单位：万元）", v("0.5"));
        TableAssembler.assemble(m, Version.HYBRID, r);
        assertEquals(0, BigDecimal.ONE.compareTo(r.activeValue("regulations_issued")));
        assertEquals(CellStatus.VALUE, r.activeCell("regulations_repealed").status());
        assertEquals(0, new BigDecimal("0.5").compareTo(r.activeValue("fees_wan_yuan")));
        assertTrue(r.active2019().containsKey("licensing_previous_items"));
    }

    @Test
    void missing2021CellIsAbsentNotZero() {
        Report r = report();
        MatchedTables m = new MatchedTables();
        m.active.put("规章|本年制发件数", v("0"));
        List<String> missing = TableAssembler.assemble(m, Version.V2021, r);
        assertNull(r.activeCell("regulations_repealed"));
        assertTrue(missing.contains("table 二 regulations_repealed"));
        assertTrue(r.active2019().isEmpty());
    }
}
