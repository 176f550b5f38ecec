package io.disclosurelake.model;

import io.disclosurelake.model.Cell;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Report;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fingerprints behind DUPLICATE_OF_PREVIOUS_YEAR: a copy stays a copy however it is printed. */
class ReportIdentityTest {
    static Report report(String narrative, Cell... active) {
        Report r = new Report(new DocumentInfo("x.txt", "0".repeat(64), "txt", null, 1L));
        r.setNarrative(narrative);
        for (Cell c : active) r.putActive(c);
        return r;
    }

    static Cell v(String row, int value) { return Cell.value("active_disclosure", row, "value", BigDecimal.valueOf(value), "" + value, null); }

    @Test
    void narrativeOfACopyMatchesDespiteNewTitleAndPunctuation() {
        String body = "一、总体情况\n2023年，本局坚持以公开为常态。\n（一）主动公开情况\n全年主动公开政府信息147条。";
        Report last = report("某某局2023年政府信息公开工作年度报告\n（2024年1月10日）\n" + body);
        Report copy = report("某某局2024年政府信息公开工作年度报告\n" + body.replace("，", ",").replace("147", "１４７").replace("\n", "  "));
        assertEquals(ReportIdentity.narrativeSha256(last), ReportIdentity.narrativeSha256(copy));
        Report rewritten = report("某某局2024年政府信息公开工作年度报告\n" + body.replace("147", "148"));
        assertNotEquals(ReportIdentity.narrativeSha256(last), ReportIdentity.narrativeSha256(rewritten));
        assertNull(ReportIdentity.narrativeSha256(report(" \n")));
    }

    @Test
    void tablesOfACopyMatchWhetherZeroIsPrintedOrLeftBlank() {
        Report zero = report("", v("regulations_issued", 0), v("normative_docs_issued", 5));
        Report blank = report("", Cell.blank("active_disclosure", "regulations_issued", "value", "", null), v("normative_docs_issued", 5));
        Report other = report("", v("regulations_issued", 1), v("normative_docs_issued", 5));
        Report unreadable = report("", Cell.unreadable("active_disclosure", "regulations_issued", "value", "10?", null), v("normative_docs_issued", 5));
        Report extraRow = report("", v("regulations_issued", 0), v("normative_docs_issued", 5),
                Cell.notInTemplate("active_disclosure", "regulations_repealed", "value"));
        assertEquals(ReportIdentity.tablesSha256(zero), ReportIdentity.tablesSha256(blank));
        assertEquals(ReportIdentity.tablesSha256(zero), ReportIdentity.tablesSha256(extraRow));
        assertNotEquals(ReportIdentity.tablesSha256(zero), ReportIdentity.tablesSha256(other));
        assertNotEquals(ReportIdentity.tablesSha256(zero), ReportIdentity.tablesSha256(unreadable));
    }
}
