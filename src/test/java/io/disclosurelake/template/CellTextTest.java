package io.disclosurelake.template;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellTextTest {
    private static void value(String raw, String expected) {
        CellText.Parsed p = CellText.parse(raw);
        assertEquals(CellText.Kind.VALUE, p.kind(), raw);
        assertEquals(0, new BigDecimal(expected).compareTo(p.value()), raw);
    }

    @Test
    void readsNumbersInTheirPrintedForms() {
        value("0", "0");
        value("1,234", "1234");
        value("１２", "12");
        value("0.35", "0.35");
        value(" 7 ", "7");
        value("35元", "35");
        value("1.5万元", "1.5");
        value("12,345,678", "12345678");
    }

    @Test
    void dashesSlashesAndNothingAreBlank() {
        for (String raw : new String[]{"", " ", "—", "-", "/", "无", "——", "－", "／"})
            assertEquals(CellText.Kind.BLANK, CellText.parse(raw).kind(), raw);
    }

    @Test
    void anythingElseIsUnreadableNotGuessed() {
        for (String raw : new String[]{"约10", "10左右", "1 2", "12a", "十二", "1,23"})
            assertEquals(CellText.Kind.UNREADABLE, CellText.parse(raw).kind(), raw);
    }
}
