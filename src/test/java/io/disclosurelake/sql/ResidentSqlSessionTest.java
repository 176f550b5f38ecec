package io.disclosurelake.sql;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The resident SQL session and its caller, both in this JVM over a real Unix socket (the session on the test's
 * Spark session): same answers and exit status as a call answered in place, a build change, idling out,
 * stopping, calls side by side, a caller hanging up, a table written anew at the same path.
 */
class ResidentSqlSessionTest {
    record Answer(int code, String out, String err) {}

    static String lake;
    @TempDir Path dir;
    private final List<CompletableFuture<Void>> serving = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<ResidentSqlSession> sessions = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll static void lake() {
        lake = TestLakes.handMade().toString();
    }

    @AfterEach void stopSessions() throws Exception {
        for (ResidentSqlSession s : List.copyOf(sessions)) s.close();
        for (CompletableFuture<Void> f : List.copyOf(serving)) f.get(1, TimeUnit.MINUTES);
        for (ResidentSqlSession s : List.copyOf(sessions)) s.drain();
    }

    private Path socket() {
        return dir.resolve("s.sock");
    }

    private CompletableFuture<Void> serve(String build, Duration idle) {
        ResidentSqlSession s = new ResidentSqlSession(TestSpark.session(), socket(), idle, build);
        sessions.add(s);
        CompletableFuture<Void> f = CompletableFuture.runAsync(() -> {
            try {
                s.serve();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        serving.add(f);
        return f;
    }

    private void awaitSocket() throws InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(socket()); i++) Thread.sleep(25);
        assertTrue(Files.exists(socket()), "the session listens");
    }

    /** A caller that must find the session already there. */
    private ResidentSqlClient client(String build) {
        return new ResidentSqlClient(socket(), build, () -> fail("no session should be started"), dir.resolve("log"));
    }

    private static Answer ask(ResidentSqlClient c, SqlRequest r) throws IOException {
        StringWriter out = new StringWriter(), err = new StringWriter();
        OptionalInt code = c.submit(r, new PrintWriter(out), new PrintWriter(err));
        assertTrue(code.isPresent(), "answered by the session: " + err);
        return new Answer(code.getAsInt(), out.toString(), err.toString());
    }

    private static Answer inPlace(SqlRequest r) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = r.execute(TestSpark.session().newSession(), new PrintWriter(out), new PrintWriter(err));
        return new Answer(code, out.toString(), err.toString());
    }

    private static SqlRequest query(String lakePath, String sql, SqlShell.Format format) {
        return new SqlRequest(lakePath, sql, format, 1000, false, false);
    }

    @Test void answersExactlyAsACallAnsweredInPlace() throws Exception {
        serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        for (SqlShell.Format f : SqlShell.Format.values()) {
            SqlRequest r = query(lake, "SELECT org, year, closed FROM report_summary WHERE province = '吉林省' ORDER BY org, year; "
                    + "SELECT count(*) AS n FROM quarantine", f);
            Answer there = ask(client("b1"), r);
            assertEquals(0, there.code(), there.err());
            assertEquals(inPlace(r), there);
            assertTrue(there.out().contains("长春市人民政府"), there.out());
        }
        Answer list = ask(client("b1"), new SqlRequest(lake, null, SqlShell.Format.TABLE, 10, true, false));
        assertEquals(inPlace(new SqlRequest(lake, null, SqlShell.Format.TABLE, 10, true, false)), list);
    }

    @Test void wrongNamesAreOneLineAndExit2AsInPlace() throws Exception {
        serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        SqlRequest table = query(lake, "SELECT * FROM report", SqlShell.Format.TABLE);
        Answer a = ask(client("b1"), table);
        assertEquals(2, a.code());
        assertEquals(inPlace(table), a);
        assertTrue(a.err().startsWith("sql: [TABLE_OR_VIEW_NOT_FOUND]"), a.err());
        assertFalse(a.err().contains("\tat "), "no stack trace");
        SqlRequest column = query(lake, "SELECT provnce FROM reports", SqlShell.Format.TABLE);
        Answer c = ask(client("b1"), column);
        assertEquals(2, c.code());
        assertEquals(1, c.err().strip().split("\n").length, c.err());
        assertEquals(2, ask(client("b1"), query(dir.toString(), "SELECT 1", SqlShell.Format.TABLE)).code(), "no lake there");
    }

    @Test void aCallerOfAnotherBuildEndsTheSessionAndStartsItsOwn() throws Exception {
        CompletableFuture<Void> old = serve("old-build", Duration.ofMinutes(5));
        awaitSocket();
        AtomicInteger starts = new AtomicInteger();
        ResidentSqlClient c = new ResidentSqlClient(socket(), "new-build", () -> {
            starts.incrementAndGet();
            CompletableFuture<Void> f = serve("new-build", Duration.ofMinutes(5));
            return () -> !f.isDone();
        }, dir.resolve("log"));
        Answer a = ask(c, query(lake, "SELECT count(*) AS n FROM reports", SqlShell.Format.CSV));
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().startsWith("n\r\n"), a.out());
        old.get(1, TimeUnit.MINUTES); // the old session left
        assertEquals(1, starts.get());
        assertTrue(a.err().contains("starting a resident SQL session"), a.err());
    }

    @Test void endsWhenIdleAndOnStop() throws Exception {
        CompletableFuture<Void> idle = serve("b1", Duration.ofMillis(400));
        awaitSocket();
        idle.get(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(socket()), "socket removed");
        assertFalse(client("b1").stop(), "nothing left to stop");

        CompletableFuture<Void> busy = serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        assertTrue(client("b1").stop());
        busy.get(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(socket()));
    }

    @Test void callsSideBySideKeepTheirOwnViews() throws Exception {
        serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        List<CompletableFuture<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int year = 2023 + i % 2;
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return ask(client("b1"), query(lake, "CREATE OR REPLACE TEMPORARY VIEW mine AS SELECT " + year
                            + " AS y; SELECT y, count(*) AS n FROM mine JOIN reports ON year = y GROUP BY y", SqlShell.Format.CSV));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        for (int i = 0; i < calls.size(); i++) {
            Answer a = calls.get(i).get(2, TimeUnit.MINUTES);
            assertEquals(0, a.code(), a.err());
            int year = 2023 + i % 2;
            Answer alone = inPlace(query(lake, "SELECT year AS y, count(*) AS n FROM reports WHERE year = " + year
                    + " GROUP BY year", SqlShell.Format.CSV));
            assertTrue(alone.out().startsWith("y,n\r\n" + year + ","), alone.out());
            assertEquals(alone.out(), a.out());
        }
        Answer later = ask(client("b1"), query(lake, "SELECT * FROM mine", SqlShell.Format.CSV));
        assertEquals(2, later.code(), "a call's views end with it");
        assertTrue(later.err().contains("TABLE_OR_VIEW_NOT_FOUND"), later.err());
    }

    @Test void aTableWrittenAnewAtTheSamePathIsReadAfresh() throws Exception {
        SparkSession spark = TestSpark.session();
        Path small = dir.resolve("lake");
        String table = small.resolve("reports").toString();
        spark.range(0, 5).toDF("id").write().format("delta").save(table);
        serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        SqlRequest count = query(small.toString(), "SELECT count(*) AS n, max(id) AS top FROM reports", SqlShell.Format.CSV);
        assertEquals("n,top\r\n5,4\r\n", ask(client("b1"), count).out());
        // Another process (a rebuilt lake) writes the table anew, again at version 0: written elsewhere here, so
        // that this JVM's Delta cache learns nothing of it, then moved into place.
        Path elsewhere = dir.resolve("elsewhere");
        spark.range(100, 102).toDF("id").write().format("delta").save(elsewhere.toString());
        deleteTree(small.resolve("reports"));
        Files.move(elsewhere, small.resolve("reports"));
        assertEquals("n,top\r\n2,101\r\n", ask(client("b1"), count).out(), "the table written anew, not the old state");
        // A call that caches the table does not make the next one read old rows.
        assertEquals(0, ask(client("b1"), query(small.toString(), "CACHE TABLE reports; SELECT count(*) AS n FROM reports",
                SqlShell.Format.CSV)).code());
        spark.range(0, 3).toDF("id").write().format("delta").mode("append").save(table);
        assertEquals("n,top\r\n5,101\r\n", ask(client("b1"), count).out(), "a new commit is seen");
    }

    @Test void aCallerHangingUpStopsItsQuery() throws Exception {
        serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        SparkSession spark = TestSpark.session();
        // Raw call: send a query that runs for minutes, then hang up before the answer.
        try (var ch = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket()))) {
            var o = new java.io.DataOutputStream(SqlWire.outputOf(ch));
            o.writeInt(SqlWire.MAGIC);
            o.writeInt(SqlWire.VERSION);
            o.writeUTF("b1");
            o.writeByte(SqlWire.QUERY);
            query(lake, "SELECT count(*) FROM range(200000) a CROSS JOIN range(200000) b WHERE (a.id * b.id) % 7 = 3",
                    SqlShell.Format.TABLE).writeTo(o);
            o.flush();
            for (int i = 0; i < 400 && spark.sparkContext().statusTracker().getActiveJobIds().length == 0; i++) Thread.sleep(25);
            assertTrue(spark.sparkContext().statusTracker().getActiveJobIds().length > 0, "the query started");
        }
        for (int i = 0; i < 400 && spark.sparkContext().statusTracker().getActiveJobIds().length > 0; i++) Thread.sleep(25);
        assertEquals(0, spark.sparkContext().statusTracker().getActiveJobIds().length, "its jobs were cancelled");
    }

    @Test void aCallerOfAnotherWireVersionEndsTheSessionToo() throws Exception {
        CompletableFuture<Void> old = serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        try (var ch = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket()))) {
            // Whatever another version sends after its magic and version, the session answers from those two.
            var o = new java.io.DataOutputStream(new java.io.BufferedOutputStream(SqlWire.outputOf(ch)));
            o.writeInt(SqlWire.MAGIC);
            o.writeInt(SqlWire.VERSION + 1);
            o.flush();
            var in = new java.io.DataInputStream(SqlWire.inputOf(ch));
            assertEquals(SqlWire.RESTART, in.readByte());
        }
        old.get(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(socket()));
    }

    @Test void anErrorOfTheSessionIsReportedNotLost() throws Exception {
        serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        Answer a = ask(client("b1"), query("nosuchfs://bucket/lake", "SELECT 1", SqlShell.Format.TABLE));
        assertEquals(1, a.code());
        assertTrue(a.err().startsWith("sql: cannot list the lake at nosuchfs://bucket/lake: No FileSystem for scheme"), a.err());
        assertFalse(a.err().contains("stopped during the query"), a.err());
    }

    @Test void aCallWaitsForASessionThatIsStarting() throws Exception {
        // The lock of a session still starting Spark: the call must wait for it, not start a second one.
        try (var f = java.nio.channels.FileChannel.open(ResidentSqlSession.lockFor(socket()),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             var lock = f.lock()) {
            CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> serve("b1", Duration.ofMinutes(5)));
            Answer a = ask(client("b1"), query(lake, "SELECT count(*) AS n FROM quarantine", SqlShell.Format.CSV));
            assertEquals(0, a.code(), a.err());
            assertEquals("n\r\n2\r\n", a.out());
            assertEquals("", a.err(), "no session started by the call");
        }
    }

    @Test void aStopLetsTheCallUnderWayFinish() throws Exception {
        CompletableFuture<Void> serving = serve("b1", Duration.ofMinutes(5));
        awaitSocket();
        SparkSession spark = TestSpark.session();
        CompletableFuture<Answer> call = CompletableFuture.supplyAsync(() -> {
            try {
                return ask(client("b1"), query(lake, "SELECT count(*) AS n FROM range(20000) a CROSS JOIN range(20000) b "
                        + "WHERE (a.id + b.id) % 3 = 0", SqlShell.Format.CSV));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        for (int i = 0; i < 400 && spark.sparkContext().statusTracker().getActiveJobIds().length == 0; i++) Thread.sleep(25);
        assertTrue(client("b1").stop());
        serving.get(30, TimeUnit.SECONDS); // takes no more calls at once: a new session could start now
        assertFalse(Files.exists(socket()));
        Answer a = call.get(2, TimeUnit.MINUTES);
        assertEquals(0, a.code(), a.err());
        assertEquals("n\r\n133333333\r\n", a.out());
    }

    @Test void socketsLiveOnlyInAPrivateDirectory() throws IOException {
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        IOException e = assertThrows(IOException.class, () -> ResidentSqlClient.privateDirectory(open));
        assertTrue(e.getMessage().contains("mode 700"), e.getMessage());
        Path made = ResidentSqlClient.privateDirectory(dir.resolve("made"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(made)));
        Files.createSymbolicLink(dir.resolve("link"), made);
        assertThrows(IOException.class, () -> ResidentSqlClient.privateDirectory(dir.resolve("link")));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
