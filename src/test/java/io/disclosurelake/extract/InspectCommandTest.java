package io.disclosurelake.extract;

import io.disclosurelake.cli.DisclosureLake;
import io.disclosurelake.json.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code inspect FILE [--json]}: output and exit codes. */
class InspectCommandTest {
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream out0 = System.out, err0 = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = DisclosureLake.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out0);
            System.setErr(err0);
        }
    }

    private static Path seed(Path dir) throws Exception {
        Path f = dir.resolve("seed.txt");
        Files.write(f, GoldenJson.resource("/real/nanguan_2024_seed.txt"));
        return f;
    }

    @Test
    void jsonIsTheCanonicalReportAndNothingElse(@TempDir Path dir) throws Exception {
        Run r = run("inspect", seed(dir).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        var node = ReportJson.parse(r.out());
        assertEquals("南关区民政局", node.get("org").asText());
        assertEquals("parsed", node.get("status").asText());
        assertEquals(1, node.get("applications").get("new").get(0).asInt());
        assertTrue(r.out().strip().startsWith("{") && r.out().strip().endsWith("}"));
    }

    @Test
    void readableViewShowsLabelsTablesAndFindings(@TempDir Path dir) throws Exception {
        Run r = run("inspect", seed(dir).toString());
        assertEquals(0, r.code());
        for (String s : new String[]{"南关区民政局", "吉林省 / 长春市 / 南关区", "二、主动公开政府信息情况", "（七）总计", "自然人",
                "行政诉讼·复议后起诉", "规则检查", "disclosure_rate"})
            assertTrue(r.out().contains(s), s + "\n" + r.out());
    }

    @Test
    void quarantinedExitsThreeWithReasonOnStderr(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "  \n");
        Run r = run("inspect", empty.toString(), "--json");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("empty"), r.err());
        assertEquals("quarantined", ReportJson.parse(r.out()).get("status").asText());
    }
}
