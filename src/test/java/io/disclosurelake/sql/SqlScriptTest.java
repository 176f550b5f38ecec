package io.disclosurelake.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SqlScriptTest {
    @Test void splitsAtSemicolonsOutsideQuotesAndComments() {
        String script = """
                -- a comment; not a split
                SELECT 'a;b' AS x, `c;d` FROM t; /* block; */ SELECT "e;f";
                -- only a comment at the end;
                """;
        List<String> s = SqlScript.statements(script);
        assertEquals(2, s.size(), s.toString());
        assertEquals("-- a comment; not a split\nSELECT 'a;b' AS x, `c;d` FROM t", s.get(0));
        assertEquals("/* block; */ SELECT \"e;f\"", s.get(1));
    }

    @Test void escapedQuoteDoesNotEndAString() {
        assertEquals(List.of("SELECT 'it\\'s; fine'", "SELECT 2"), SqlScript.statements("SELECT 'it\\'s; fine'; SELECT 2"));
    }

    @Test void expectLineGivesTheColumns() {
        assertEquals(List.of("province", "year"), SqlScript.expectedColumns("-- note\n  -- expect: Province,  year \nSELECT 1"));
        assertEquals(List.of(), SqlScript.expectedColumns("SELECT 1 -- no expectation"));
    }
}
