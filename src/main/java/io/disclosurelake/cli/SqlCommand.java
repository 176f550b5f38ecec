package io.disclosurelake.cli;

import io.disclosurelake.sql.DataDictionary;
import io.disclosurelake.sql.LakeViews;
import io.disclosurelake.sql.SqlErrors;
import io.disclosurelake.sql.SqlShell;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code disclosure-lake sql --lake DIR [-f FILE.sql | "QUERY"] [--format table|csv|json]}: Spark SQL over the
 * lake's tables and named views (the same names the notebooks use), for people without a notebook server.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs Spark SQL over the lake: its tables (reports, applications, cells, …) and the named views "
                + "of sql/views (report_summary, province_year_summary, …) are registered by their names.",
                "Exit status: 0 ok, 2 for a wrong query (unknown table or column, bad syntax) or bad arguments."},
        footer = {"", "Examples:",
                "  disclosure-lake sql --lake lake \"SELECT province, count(*) AS reports FROM reports GROUP BY province\"",
                "  disclosure-lake sql --lake lake -f my-query.sql --format csv > out.csv",
                "  disclosure-lake sql --lake lake --list",
                "  disclosure-lake sql --dictionary > docs/tables.md"})
public final class SqlCommand implements Callable<Integer> {
    @Option(names = "--lake", paramLabel = "DIR", description = "the lake directory (one sub-directory per Delta table)")
    Path lake;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE.sql", description = "read the SQL from a file (statements separated by ;)")
    Path file;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "the SQL, when not given with -f")
    String query;

    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "table (aligned columns, default), csv (with a header) or json (one object a line)")
    SqlShell.Format format;

    @Option(names = "--max-rows", defaultValue = "1000", description = "rows shown in table format (default ${DEFAULT-VALUE})")
    int maxRows;

    @Option(names = "--list", description = "list the tables and views registered (and views skipped, with why)")
    boolean list;

    @Option(names = "--timing", description = "print the seconds spent starting Spark, opening the lake and querying")
    boolean timing;

    @Option(names = "--dictionary", description = "print the data dictionary (docs/tables.md) and exit; needs no lake")
    boolean dictionary;

    @Spec CommandSpec spec;
    private PrintWriter out;
    private PrintWriter err;

    @Override public Integer call() {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        if (dictionary) {
            out.print(DataDictionary.markdown());
            out.flush(); // print() does not flush picocli's writer, and main() exits right after
            return 0;
        }
        if (lake == null) return usage("--lake DIR is required");
        if (!Files.isDirectory(lake)) return usage("no lake at " + lake + " (not a directory)");
        if (file != null && query != null) return usage("give either QUERY or -f FILE.sql, not both");
        String sql = query;
        if (file != null) {
            try {
                sql = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return usage("cannot read " + file + ": " + e.getMessage());
            }
        }
        if (sql == null && !list) return usage("give a QUERY or -f FILE.sql (or --list)");
        if (maxRows < 1) return usage("--max-rows must be at least 1");

        long t0 = System.nanoTime();
        SqlShell.quietLogging(); // before any Spark class is loaded
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SqlShell.localSession("disclosure-lake sql");
        long t1 = System.nanoTime();
        try {
            String lakePath = lake.toAbsolutePath().toString();
            List<String> present = LakeViews.tablesIn(spark, lakePath);
            if (present.isEmpty()) return usage("no Delta tables under " + lake);
            LakeViews.Registration reg = list || sql == null ? LakeViews.registerAll(spark, lakePath)
                    : LakeViews.registerFor(spark, lakePath, sql);
            long t2 = System.nanoTime();
            if (list) printList(reg);
            if (sql == null) return 0;
            try {
                new SqlShell(spark, format, maxRows, out).run(sql);
                if (timing) {
                    err.printf(Locale.ROOT, "sql: session %.1f s, lake %.1f s (%d tables, %d views), query %.1f s%n",
                            (t1 - t0) / 1e9, (t2 - t1) / 1e9, reg.tables().size(), reg.views().size(), (System.nanoTime() - t2) / 1e9);
                }
                return 0;
            } catch (Exception e) {
                if (!SqlErrors.isQueryError(e) && !(e instanceof IllegalArgumentException)) throw e;
                err.println("sql: " + SqlErrors.oneLine(e));
                if ("TABLE_OR_VIEW_NOT_FOUND".equals(SqlErrors.condition(e))) {
                    List<String> names = new ArrayList<>(present);
                    for (LakeViews.ViewFile v : LakeViews.viewFiles()) names.add(v.name());
                    err.println("sql: tables and views of this lake: " + String.join(", ", names));
                }
                return 2;
            }
        } finally {
            out.flush();
            err.flush();
            if (ownSession) spark.stop();
        }
    }

    private void printList(LakeViews.Registration reg) {
        out.println("tables: " + String.join(", ", reg.tables()));
        out.println("views:  " + String.join(", ", reg.views()));
        for (Map.Entry<String, String> e : reg.skipped().entrySet()) {
            out.println("skipped view " + e.getKey() + ": " + e.getValue());
        }
    }

    private int usage(String message) {
        err.println("sql: " + message);
        return 2;
    }
}
