package io.disclosurelake.cli;

import io.disclosurelake.lake.LakeLocation;
import io.disclosurelake.sql.DataDictionary;
import io.disclosurelake.sql.ResidentSqlClient;
import io.disclosurelake.sql.SqlErrors;
import io.disclosurelake.sql.SqlRequest;
import io.disclosurelake.sql.SqlShell;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
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
                "  disclosure-lake sql --stop",
                "  disclosure-lake sql --dictionary > docs/tables.md"})
public final class SqlCommand implements Callable<Integer> {
    @Option(names = "--lake", paramLabel = "DIR", description = "the lake: a directory (one sub-directory per Delta table) "
            + "or a URI (file:, hdfs:, s3a:, …)")
    String lake;

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

    @Option(names = "--resident", negatable = true, defaultValue = "${sys:disclosurelake.sql.resident:-false}",
            fallbackValue = "true", description = {"answer from a resident SQL session kept warm in the background, "
            + "started by the first call (bin/disclosure-lake: on unless DL_SQL_RESIDENT=0); --no-resident answers in "
            + "this JVM"})
    boolean resident;

    @Option(names = "--resident-idle", paramLabel = "MINUTES", defaultValue = "30",
            description = "minutes a resident session stays after its last call (default ${DEFAULT-VALUE})")
    long residentIdleMinutes;

    @Option(names = "--stop", description = "stop the resident SQL session of this build and directory and exit (with --all: every session of this user)")
    boolean stop;

    @Option(names = "--all", description = "with --stop: every resident session of this user (all builds and directories)")
    boolean all;

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
        if (stop) return stopResidentSessions();
        if (lake == null) return usage("--lake DIR is required");
        LakeLocation where;
        try {
            where = LakeLocation.parse(lake);
        } catch (IllegalArgumentException e) {
            return usage("--lake " + lake + ": " + e.getMessage());
        }
        if (where.local().isPresent() && !Files.isDirectory(where.local().get())) {
            return usage("no lake at " + lake + " (not a directory)");
        }
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
        if (residentIdleMinutes < 1) return usage("--resident-idle must be at least 1 minute");

        SqlRequest request = new SqlRequest(where.uri(), sql, format, maxRows, list, timing);
        if (resident) {
            OptionalInt answered = askResidentSession(request);
            if (answered.isPresent()) return answered.getAsInt();
        }
        long t0 = System.nanoTime();
        SqlShell.quietLogging(); // before any Spark class is loaded
        boolean ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = SqlShell.localSession("disclosure-lake sql");
        if (timing) err.printf(Locale.ROOT, "sql: session %.1f s%n", (System.nanoTime() - t0) / 1e9);
        try {
            return request.execute(spark, out, err);
        } catch (UncheckedIOException e) { // the store cannot be read (unknown scheme, no credentials, network)
            err.println("sql: " + SqlErrors.oneLine(e));
            return 1;
        } finally {
            if (ownSession) spark.stop();
        }
    }

    /** The answer of the resident session (started if need be), or empty to answer in this JVM. */
    private OptionalInt askResidentSession(SqlRequest request) {
        long t0 = System.nanoTime();
        try {
            Optional<Path> archive = Optional.ofNullable(System.getProperty("disclosurelake.sql.classArchive")).map(Path::of);
            OptionalInt code = ResidentSqlClient.forThisJvm(Duration.ofMinutes(residentIdleMinutes), archive).submit(request, out, err);
            if (timing && code.isPresent()) {
                err.printf(Locale.ROOT, "sql: answered by the resident session in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            return code;
        } catch (IOException e) {
            err.println("sql: no resident session (" + e.getMessage() + "); answering here");
            return OptionalInt.empty();
        }
    }

    private int stopResidentSessions() {
        try {
            if (!all) {
                out.println(ResidentSqlClient.stopThis() ? "sql: stopped the resident session of this build and directory"
                        : "sql: no resident session of this build and directory was running (--stop --all stops every one)");
                return 0;
            }
            int n = ResidentSqlClient.stopAll();
            out.println(n == 0 ? "sql: no resident session was running" : "sql: stopped " + n + " resident session" + (n == 1 ? "" : "s"));
            return 0;
        } catch (IOException e) {
            err.println("sql: " + e.getMessage());
            return 1;
        }
    }

    private int usage(String message) {
        err.println("sql: " + message);
        return 2;
    }
}
