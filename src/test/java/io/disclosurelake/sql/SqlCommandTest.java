package io.disclosurelake.sql;

import io.disclosurelake.cli.DisclosureLake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code disclosure-lake sql} end to end through the CLI, on the test lake. */
class SqlCommandTest {
    record Result(int code, String out, String err) {}

    static String lake;

    @BeforeAll static void lake() {
        TestSpark.session();
        lake = TestLakes.handMade().toString();
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = DisclosureLake.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test void tableFormatAlignsChineseNamesAndCountsRows() {
        Result r = run("sql", "--lake", lake,
                "SELECT org, year, closed FROM report_summary WHERE province = '吉林省' AND year = 2024 ORDER BY closed DESC");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                org              | year | closed
                -----------------+------+-------
                长春市人民政府   | 2024 |    910
                南关区民政局     | 2024 |     41
                朝阳区自然资源局 | 2024 |      7
                (3 rows)
                """, r.out());
    }

    @Test void csvAndJsonLines() {
        Result csv = run("sql", "--lake", lake, "--format", "csv",
                "SELECT report_id, value, small_sample FROM report_metrics WHERE report_id = 'huaian-gov-2024' AND metric = 'non_disclosure_rate'");
        assertEquals(0, csv.code(), csv.err());
        assertEquals("report_id,value,small_sample\r\nhuaian-gov-2024,0.058360655737704915,false\r\n", csv.out());
        Result json = run("sql", "--lake", lake, "--format", "json",
                "SELECT report_id, numerator, warnings, county FROM report_metrics JOIN reports USING (report_id) "
                        + "WHERE report_id = 'chaoyang-gt-2024' AND metric = 'disclosure_rate'");
        assertEquals(0, json.code(), json.err());
        assertEquals("{\"report_id\":\"chaoyang-gt-2024\",\"numerator\":5,\"warnings\":[\"表四 unreadable: cell 3 of 15 empty\"],\"county\":\"朝阳区\"}\n",
                json.out());
    }

    @Test void scriptFileWithSeveralStatements(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("q.sql");
        Files.writeString(f, "-- two answers\nSELECT count(*) AS n FROM quarantine;\nSELECT reason FROM quarantine ORDER BY reason;\n");
        Result r = run("sql", "--lake", lake, "-f", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("n\n-\n2\n(1 row)\n\nreason\n-------------\nencrypted\nno_text_layer\n(2 rows)\n", r.out());
    }

    @Test void wrongTableIsOneClearLineAndExit2() {
        Result r = run("sql", "--lake", lake, "SELECT * FROM report");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        String[] lines = r.err().strip().split("\n");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith("sql: [TABLE_OR_VIEW_NOT_FOUND]") && lines[0].contains("`report`"), lines[0]);
        assertTrue(lines[1].contains("reports, ") && lines[1].contains("report_summary"), lines[1]);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test void wrongColumnSuggestsTheRightOne() {
        Result r = run("sql", "--lake", lake, "SELECT provnce FROM reports");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("sql: [UNRESOLVED_COLUMN") && r.err().contains("`province`"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
    }

    @Test void usageErrors(@TempDir Path dir) {
        assertEquals(2, run("sql", "SELECT 1").code());
        Result none = run("sql", "--lake", dir.toString(), "SELECT 1");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no Delta tables"), none.err());
        assertEquals(2, run("sql", "--lake", lake).code());
    }

    @Test void theLakeAsTheJobPrintsIt() {
        // `run` ends with: query  bin/disclosure-lake sql --lake file:/…/lake "SELECT * FROM reports LIMIT 10"
        Result r = run("sql", "--lake", Path.of(lake).toUri().toString(), "--format", "csv", "SELECT count(*) AS n FROM quarantine");
        assertEquals(0, r.code(), r.err());
        assertEquals("n\r\n2\r\n", r.out());
        Result remote = run("sql", "--lake", "nosuchfs://bucket/lake", "SELECT 1");
        assertEquals(1, remote.code());
        assertEquals("sql: cannot list the lake at nosuchfs://bucket/lake: No FileSystem for scheme \"nosuchfs\"\n", remote.err());
    }

    @Test void listAndDictionary() {
        Result list = run("sql", "--lake", lake, "--list");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().startsWith("tables: documents, reports, "), list.out());
        assertTrue(list.out().contains("views:  cell_provenance, city_correction_rates"), list.out());
        Result dict = run("sql", "--dictionary");
        assertEquals(DataDictionary.markdown(), dict.out());
    }

    /**
     * The real thing: a resident session in its own JVM, started from this one's java, options and class path
     * by the first --resident call, answering the next one too — exactly as this JVM answers.
     */
    @Test void residentSessionInItsOwnJvmAnswersAsThisJvm() throws Exception {
        ResidentSqlClient session = ResidentSqlClient.forThisJvm(java.time.Duration.ofMinutes(2), java.util.Optional.empty());
        try {
            String q = "SELECT org, year, closed FROM report_summary WHERE province = '吉林省' ORDER BY closed DESC";
            Result here = run("sql", "--lake", lake, q);
            Result first = run("sql", "--resident", "--lake", lake, q);
            assertEquals(0, first.code(), first.err());
            assertEquals(here.out(), first.out());
            assertTrue(first.err().contains("starting a resident SQL session"), first.err());
            Result second = run("sql", "--resident", "--lake", lake, "--format", "csv", "SELECT count(*) AS n FROM reports");
            assertEquals(0, second.code(), second.err());
            assertEquals("", second.err(), "no new session");
            assertEquals(run("sql", "--lake", lake, "--format", "csv", "SELECT count(*) AS n FROM reports").out(), second.out());
            Result wrong = run("sql", "--resident", "--lake", lake, "SELECT * FROM report");
            assertEquals(2, wrong.code());
            assertTrue(wrong.err().startsWith("sql: [TABLE_OR_VIEW_NOT_FOUND]"), wrong.err());
        } finally {
            assertTrue(session.stop(), "the session was there to stop");
            for (int i = 0; i < 100 && Files.exists(session.socket()); i++) Thread.sleep(100);
            Files.deleteIfExists(session.socket().resolveSibling(session.socket().getFileName() + ".lock"));
            Files.deleteIfExists(session.socket().resolveSibling(session.socket().getFileName().toString().replace(".sock", ".log")));
        }
    }
}
