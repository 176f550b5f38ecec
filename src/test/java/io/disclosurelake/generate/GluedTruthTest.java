package io.disclosurelake.generate;

import io.disclosurelake.generate.ReportDocument.TCell;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a flattened text's glued digits leave unknown in table 三: a reader knows the template's arithmetic,
 * so a cell is unknown only if cuts that keep the row totals and every column's balance disagree on it.
 */
class GluedTruthTest {
    private static List<TCell> row(String key, long... v) {
        List<TCell> out = new ArrayList<>();
        for (int c = 0; c < 7; c++) out.add(new TCell(0, 3 + c, 1, 1, String.valueOf(v[c]), "applications/" + key + "/" + c, false));
        return out;
    }

    /** 112001115 alone cuts as 11|2|0|0|1|1|15 or 1|12|0|0|1|1|15 …; with 二 and （七） only the first balances. */
    private static Map<String, List<TCell>> table() {
        Map<String, List<TCell>> rows = new LinkedHashMap<>();
        rows.put("new", row("new", 11, 2, 0, 0, 1, 1, 15));
        rows.put("carried_over", row("carried_over", 1, 0, 0, 0, 0, 0, 1));
        rows.put("disclosed", row("disclosed", 12, 2, 0, 0, 1, 1, 16));
        rows.put("total", row("total", 12, 2, 0, 0, 1, 1, 16));
        rows.put("carried_forward", row("carried_forward", 0, 0, 0, 0, 0, 0, 0));
        return rows;
    }

    @Test
    void columnBalancesAcrossRowsFixTheCut() {
        assertEquals(Set.of(), TextWriter.undeterminedApplications(table()));
    }

    @Test
    void aRowTheOtherRowsCannotPinDownStaysUnknownWhereItsCutsDisagree() {
        Map<String, List<TCell>> rows = new LinkedHashMap<>();
        rows.put("new", table().get("new"));
        Set<String> unknown = TextWriter.undeterminedApplications(rows);
        assertTrue(unknown.contains("applications/new/0"), unknown.toString());
        assertTrue(unknown.contains("applications/new/1"), unknown.toString());
        assertFalse(unknown.contains("applications/new/6"), "every cut ends in 15: " + unknown);
    }
}
