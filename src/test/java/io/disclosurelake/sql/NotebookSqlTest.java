package io.disclosurelake.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Notebooks that rot fail CI: every SQL statement of every notebook (each {@code spark.sql("""…""")} of a code
 * cell, in cell order, with the temporary views the notebook makes from them) and of every view file runs against
 * a lake, returns at least one row and exactly the columns its {@code -- expect:} line declares. The notebooks
 * are also held to nbformat 4 and to the conventions that make them runnable here.
 */
@Tag("slow") // queries a lake the job builds from a generated corpus (TestLakes.analysed): the full lane (mvn verify)
class NotebookSqlTest {
    static final Path NOTEBOOKS = Path.of("notebooks");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** spark.sql("""…""") with an optional direct .createOrReplaceTempView("name"). */
    private static final Pattern SQL_CALL = Pattern.compile(
            "(?:(\\w+)\\s*=\\s*)?spark\\.sql\\(\\s*[rR]?\"\"\"(.*?)\"\"\"\\s*\\)(\\s*\\.createOrReplaceTempView\\(\\s*\"(\\w+)\"\\s*\\))?",
            Pattern.DOTALL);
    private static final Pattern ANY_SQL_CALL = Pattern.compile("spark\\.sql\\(\\s*([^\\s])");
    private static final Pattern F_STRING_SQL = Pattern.compile("spark\\.sql\\(\\s*[rR]?[fF]|spark\\.sql\\(.*?\\.format\\(", Pattern.DOTALL);

    static SparkSession spark;

    @BeforeAll static void lake() {
        spark = TestSpark.session().newSession(); // its own temporary views and settings, the shared cache
        // Tiny tables: compiling whole-stage code for each of ~40 queries costs more than interpreting them.
        spark.conf().set("spark.sql.codegen.wholeStage", "false");
        spark.conf().set("spark.sql.shuffle.partitions", "1");
        LakeViews.Registration reg = LakeViews.registerAll(spark, TestLakes.analysed().toString());
        assertTrue(reg.skipped().isEmpty(), "views skipped on a complete lake: " + reg.skipped());
        // ~40 queries over the same few tables: read each once (the views' plans then use the cached data).
        for (String t : reg.tables()) spark.catalog().cacheTable(t);
    }

    /** A SQL statement found in a notebook cell, with the temp view the cell makes of its result, if any. */
    record NotebookSql(String notebook, int cell, String sql, String tempView) {}

    @TestFactory Stream<DynamicNode> everyViewStatementAnswers() {
        return LakeViews.viewFiles().stream().map(v ->
                DynamicTest.dynamicTest(v.resource(), () -> check(v.resource(), v.sql())));
    }

    @TestFactory Stream<DynamicNode> everyNotebookStatementAnswers() throws IOException {
        List<DynamicNode> out = new ArrayList<>();
        for (Path nb : notebooks()) {
            List<NotebookSql> statements = statements(read(nb), nb.getFileName().toString());
            List<DynamicTest> tests = new ArrayList<>();
            for (NotebookSql s : statements) {
                tests.add(DynamicTest.dynamicTest("cell " + s.cell() + firstCode(s.sql()), () -> {
                    Dataset<Row> df = check(s.notebook() + " cell " + s.cell(), s.sql());
                    if (s.tempView() != null) df.createOrReplaceTempView(s.tempView());
                }));
            }
            out.add(DynamicContainer.dynamicContainer(nb.getFileName().toString(), tests));
        }
        return out.stream();
    }

    @Test void notebooksAreNbformat4AndFollowTheConventions() throws IOException {
        List<Path> notebooks = notebooks();
        assertTrue(notebooks.size() >= 6, "the six analyst notebooks, found " + notebooks);
        for (Path nb : notebooks) {
            String name = nb.getFileName().toString();
            JsonNode root = read(nb);
            assertEquals(4, root.path("nbformat").asInt(-1), name + ": nbformat");
            assertTrue(root.path("nbformat_minor").isInt(), name + ": nbformat_minor");
            assertTrue(root.path("metadata").isObject(), name + ": metadata");
            assertTrue(root.path("cells").isArray() && !root.path("cells").isEmpty(), name + ": cells");
            Set<String> ids = new HashSet<>();
            boolean minor5 = root.path("nbformat_minor").asInt() >= 5;
            String firstCode = null;
            boolean registers = false;
            for (JsonNode cell : root.path("cells")) {
                String type = cell.path("cell_type").asText();
                assertTrue(Set.of("code", "markdown", "raw").contains(type), name + ": cell_type " + type);
                assertTrue(cell.path("metadata").isObject(), name + ": cell metadata");
                JsonNode src = cell.path("source");
                assertTrue(src.isTextual() || (src.isArray() && allText(src)), name + ": source is text or lines");
                if (minor5) {
                    String id = cell.path("id").asText("");
                    assertTrue(id.matches("[a-zA-Z0-9_-]{1,64}") && ids.add(id), name + ": cell id " + id);
                }
                if (!type.equals("code")) continue;
                assertTrue(cell.path("outputs").isArray() && cell.path("outputs").isEmpty(), name + ": outputs left empty");
                assertTrue(cell.has("execution_count") && cell.path("execution_count").isNull(), name + ": execution_count null");
                String code = source(cell);
                if (firstCode == null) firstCode = code;
                if (code.contains("from lake_setup import open_lake") && code.contains("open_lake(LAKE)")) registers = true;
                assertFalse(F_STRING_SQL.matcher(code).find(), name + ": SQL built with an f-string or format(): " + code);
                if (!isLakeSetup(cell)) {
                    Matcher m = ANY_SQL_CALL.matcher(code);
                    while (m.find()) {
                        assertEquals("\"", m.group(1), name + ": spark.sql outside the setup cells takes a \"\"\"literal\"\"\": " + code);
                    }
                }
            }
            assertNotNull(firstCode, name + ": no code cell");
            assertTrue(firstCode.contains("LAKE = ") && firstCode.contains("open_lake(LAKE)"),
                    name + ": the first code cell says where the lake is and opens it with the shared setup");
            assertTrue(registers, name + ": a cell opens the lake with the shared setup (lake_setup.open_lake)");
            assertTrue(root.toString().contains("bin/disclosure-lake sql"), name + ": says that disclosure-lake sql gives the same views");
            assertFalse(statements(root, name).isEmpty(), name + ": has SQL");
        }
        // The one setup all notebooks share: the Delta session, then every table and named view by name.
        String setup = Files.readString(NOTEBOOKS.resolve("lake_setup.py"));
        assertTrue(setup.contains("configure_spark_with_delta_pip"), "lake_setup.py makes the Delta session");
        assertTrue(setup.contains("_delta_log") && setup.contains("createOrReplaceTempView")
                && setup.contains("sql\", \"views\""), "lake_setup.py registers the tables and the named views");
    }

    @Test void extractionFindsEveryCallFormAndTheTempViewsMadeOfThem() throws IOException {
        JsonNode nb = JSON.readTree("""
                {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
                  "source": ["x = spark.sql(\\"\\"\\"\\n-- expect: a\\nSELECT 1 AS a\\n\\"\\"\\")\\n", "x.createOrReplaceTempView(\\"v\\")\\n",
                             "spark.sql(\\"\\"\\"SELECT 2 AS b\\"\\"\\").toPandas()\\n",
                             "spark.sql(\\"\\"\\"SELECT 3 AS c\\"\\"\\").createOrReplaceTempView(\\"w\\")"]}]}
                """);
        List<NotebookSql> found = statements(nb, "t");
        assertEquals(3, found.size());
        assertEquals("v", found.get(0).tempView());
        assertEquals(List.of("a"), SqlScript.expectedColumns(found.get(0).sql()));
        assertEquals(null, found.get(1).tempView());
        assertEquals("w", found.get(2).tempView());
    }

    /** Runs one statement: it must declare its columns, return them, and return a row. */
    static Dataset<Row> check(String where, String sql) {
        List<String> expected = SqlScript.expectedColumns(sql);
        if (expected.isEmpty()) fail(where + ": no '-- expect: col_a, col_b' line in\n" + sql);
        Dataset<Row> df;
        try {
            df = spark.sql(sql);
        } catch (Exception e) {
            throw new AssertionError(where + ": " + SqlErrors.oneLine(e) + "\n" + sql, e);
        }
        List<String> actual = Arrays.stream(df.columns()).map(c -> c.toLowerCase(Locale.ROOT)).toList();
        assertEquals(expected, actual, where + ": columns");
        assertFalse(df.takeAsList(1).isEmpty(), where + ": returned no row on the test lake\n" + sql);
        return df;
    }

    static List<NotebookSql> statements(JsonNode notebook, String name) {
        List<NotebookSql> out = new ArrayList<>();
        int i = 0;
        for (JsonNode cell : notebook.path("cells")) {
            i++;
            if (!cell.path("cell_type").asText().equals("code")) continue;
            String code = source(cell);
            Matcher m = SQL_CALL.matcher(code);
            while (m.find()) {
                String view = m.group(4);
                if (view == null && m.group(1) != null) {
                    Matcher later = Pattern.compile("\\b" + Pattern.quote(m.group(1))
                            + "\\.createOrReplaceTempView\\(\\s*\"(\\w+)\"\\s*\\)").matcher(code);
                    if (later.find(m.end())) view = later.group(1);
                }
                out.add(new NotebookSql(name, i, m.group(2).strip(), view));
            }
        }
        return out;
    }

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> s = Files.list(NOTEBOOKS)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    static JsonNode read(Path nb) throws IOException {
        return JSON.readTree(Files.readString(nb));
    }

    static String source(JsonNode cell) {
        JsonNode src = cell.path("source");
        if (src.isTextual()) return src.asText();
        StringBuilder sb = new StringBuilder();
        for (JsonNode line : src) sb.append(line.asText());
        return sb.toString();
    }

    private static boolean isLakeSetup(JsonNode cell) {
        for (JsonNode tag : cell.path("metadata").path("tags")) if (tag.asText().equals("lake-setup")) return true;
        return false;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode n : array) if (!n.isTextual()) return false;
        return true;
    }

    private static String firstCode(String sql) {
        for (String line : sql.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("--")) return ": " + (t.length() > 60 ? t.substring(0, 60) + "…" : t);
        }
        return "";
    }
}
