package io.disclosurelake.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultTableTest {
    @Test void chineseTextCountsTwoColumnsAndNumbersAlignRight() {
        ResultTable t = new ResultTable(List.of("org", "year", "rate"), List.of(false, true, true));
        t.add(List.of("南关区民政局", "2024", "0.5954"));
        t.add(List.of("Huai'an", "2023", "1"));
        t.add(List.of("（淮安）", "NULL", "0"));
        assertEquals("""
                org          | year | rate
                -------------+------+-------
                南关区民政局 | 2024 | 0.5954
                Huai'an      | 2023 |      1
                （淮安）     | NULL |      0
                (3 rows)
                """, t.render(false));
    }

    @Test void footerSaysWhenRowsWereCutAndOneRowIsSingular() {
        ResultTable t = new ResultTable(List.of("a"), List.of(false));
        t.add(List.of("x\ny"));
        assertEquals("a\n---\nx↵y\n(1 row; more rows not shown — raise --max-rows or use --format csv)\n", t.render(true));
    }

    @Test void displayWidth() {
        assertEquals(12, DisplayWidth.of("南关区民政局"));
        assertEquals(4, DisplayWidth.of("（）"));
        assertEquals(5, DisplayWidth.of("a 2、"));
        assertEquals(1, DisplayWidth.of("e\u0301"));
    }
}
