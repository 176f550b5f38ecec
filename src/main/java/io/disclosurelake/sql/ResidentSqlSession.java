package io.disclosurelake.sql;

import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A background JVM that keeps one local Spark session with Delta warm and answers {@code disclosure-lake sql}
 * calls over a Unix socket. Starting the JVM, Spark and Delta and warming their code is most of a cold call
 * (measured on the sample lake, 2 cores: 7–8.5 s for a one-table query); a warm session answers it in 0.5–0.8 s,
 * about 1 s with the caller's own JVM start.
 * <p>
 * Each call gets its own Spark session (its own temporary views) over the shared context, so calls never see
 * each other's views and may run side by side. Delta lists a table's log at every query, so a night's new
 * commits are seen, and a table written anew from version 0 (a rebuilt lake) is read afresh: its log files are
 * not the ones cached (ResidentSqlSessionTest checks both). The session serves one build: a caller from another
 * build gets {@link SqlWire#RESTART} and the session exits. It exits by itself after an idle period, and on
 * {@code sql --stop}.
 */
public final class ResidentSqlSession {
    private static final Logger LOG = LoggerFactory.getLogger(ResidentSqlSession.class);

    private final SparkSession spark;
    private final Path socket;
    private final Duration idle;
    private final String build;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sql-call");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong lastUsed = new AtomicLong(System.nanoTime());
    private final AtomicLong callIds = new AtomicLong();
    private volatile ServerSocketChannel server;
    private volatile Object socketKey;
    private volatile ClassArchive.Training trainer = ClassArchive.Training.NONE;
    /** The class archive to have written once a call is answered (when the session started without one). */
    private final AtomicReference<Path> archiveToWrite = new AtomicReference<>();

    public ResidentSqlSession(SparkSession spark, Path socket, Duration idle, String build) {
        this.spark = spark;
        this.socket = socket;
        this.idle = idle;
        this.build = build;
    }

    /** After its first answer, has the {@link ClassArchive} written for the JVMs of this build that start later. */
    public ResidentSqlSession writeClassArchiveAfterFirstCall(Path archive) {
        archiveToWrite.set(archive);
        return this;
    }

    /**
     * {@code ResidentSqlSession SOCKET IDLE_SECONDS [ARCHIVE]}: started by {@link ResidentSqlClient}, not by people;
     * ARCHIVE is the class archive to have written after the first answer.
     */
    public static void main(String[] args) {
        String build = ResidentSqlClient.buildFingerprint(); // first: the classes this JVM loads are these
        int status = 0;
        try {
            Path socket = Path.of(args[0]);
            Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
            if (System.getProperty("log4j2.configurationFile") == null) {
                System.setProperty("log4j2.configurationFile", "sql/log4j2-session.properties");
                org.apache.logging.log4j.core.config.Configurator.reconfigure(); // LOG above started it with the default
            }
            ResidentSqlSession session;
            // One session per socket: a second one started at the same moment (two calls at once) leaves at once.
            try (FileChannel lockFile = FileChannel.open(lockFor(socket), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockFile.tryLock()) {
                if (lock == null) return;
                SparkSession spark = SqlShell.localSession("disclosure-lake sql (resident)");
                session = new ResidentSqlSession(spark, socket, idle, build);
                if (args.length > 2) session.writeClassArchiveAfterFirstCall(Path.of(args[2]));
                session.serve();
            } // socket and lock go here: a new session may start while this one finishes its calls below
            session.drain();
            session.awaitClassArchive();
        } catch (Throwable e) {
            LOG.error("resident sql session failed", e);
            status = 1;
        } finally {
            System.exit(status); // Spark's non-daemon threads would keep the JVM up
        }
    }

    static Path lockFor(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    /**
     * Accepts calls until idle for the idle period or told to stop, then removes its socket file; calls under way
     * go on ({@link #drain} waits for them).
     */
    public void serve() throws IOException {
        Files.deleteIfExists(socket); // left by a session that was killed
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        socketKey = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        LOG.info("resident sql session serving {} (idle limit {}), {} ms after its JVM started", socket, idle,
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sql-idle");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(100, Math.min(5_000, idle.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(() -> {
            if (active.get() == 0 && System.nanoTime() - lastUsed.get() > idle.toNanos()) close();
        }, tick, tick, TimeUnit.MILLISECONDS);
        try {
            while (true) {
                SocketChannel ch;
                try {
                    ch = server.accept();
                } catch (ClosedChannelException e) {
                    break; // closed by the idle watchdog or a stop call
                }
                active.incrementAndGet();
                calls.execute(() -> {
                    try {
                        answer(ch);
                    } catch (Exception e) {
                        LOG.warn("sql call failed: {}", e.toString());
                    } finally {
                        lastUsed.set(System.nanoTime());
                        active.decrementAndGet();
                    }
                });
            }
        } finally {
            watchdog.shutdownNow();
            calls.shutdown();
            removeOwnSocket();
            LOG.info("resident sql session at {} takes no more calls", socket);
        }
    }

    /** Waits for the calls under way to finish, however long they take (a stop or a rebuild does not cut them). */
    public void drain() throws InterruptedException {
        while (!calls.awaitTermination(1, TimeUnit.MINUTES)) {
            LOG.info("waiting for {} call(s) under way", active.get());
        }
        LOG.info("resident sql session at {} ended", socket);
    }

    /** Waits for the class archive being written, if any (it is moved into place when its JVM ends). */
    void awaitClassArchive() {
        try {
            trainer.written().get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            trainer.process().ifPresent(Process::destroy);
            LOG.warn("class archive not awaited: {}", e.toString());
        }
    }

    /** Removes the socket file unless it is already another session's (one started while this one ended). */
    private void removeOwnSocket() {
        try {
            Object key = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (key != null && key.equals(socketKey)) Files.deleteIfExists(socket);
        } catch (NoSuchFileException gone) {
            // removed already
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", socket, e.toString());
        }
    }

    /** Stops accepting calls; calls under way finish. */
    public void close() {
        ServerSocketChannel s = server;
        if (s == null) return;
        try {
            s.close();
        } catch (IOException e) {
            LOG.warn("closing {}: {}", socket, e.toString());
        }
    }

    private void answer(SocketChannel ch) throws IOException {
        try (ch) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(SqlWire.inputOf(ch)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(SqlWire.outputOf(ch), 1 << 16));
            if (in.readInt() != SqlWire.MAGIC) return; // not one of ours
            int version = in.readInt();
            String callerBuild = version == SqlWire.VERSION ? in.readUTF() : "";
            byte command = version == SqlWire.VERSION ? in.readByte() : SqlWire.QUERY;
            if (command == SqlWire.STOP) {
                close(); // before the answer: the caller may start a session at once
                SqlWire.exit(out, SqlWire.EXIT, 0);
                return;
            }
            if (version != SqlWire.VERSION || !callerBuild.equals(build)) {
                // Another build (or wire version) calls: leave, so that it starts a session of its own; the
                // archive being written for this build would be refused by it.
                LOG.info("a caller of another build: ending so that it starts a session of its own");
                close();
                trainer.process().ifPresent(Process::destroy);
                SqlWire.exit(out, SqlWire.RESTART, 0);
                return;
            }
            if (command != SqlWire.QUERY) return;
            run(SqlRequest.readFrom(in), in, out);
        }
    }

    private void run(SqlRequest request, InputStream in, DataOutputStream conn) throws IOException {
        SparkSession session = spark.newSession();
        String group = "disclosure-lake-sql-" + callIds.incrementAndGet();
        spark.sparkContext().setJobGroup(group, "disclosure-lake sql", true);
        AtomicBoolean done = new AtomicBoolean();
        AtomicBoolean callerGone = new AtomicBoolean();
        // The caller sends nothing after its request: end of input means it went away (Ctrl-C), so its jobs stop.
        Thread watch = new Thread(() -> {
            try {
                in.read();
            } catch (IOException ignored) {
                // same as end of input
            }
            if (!done.get()) {
                callerGone.set(true);
                spark.sparkContext().cancelJobGroup(group);
            }
        }, "sql-caller-watch");
        watch.setDaemon(true);
        watch.start();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(SqlWire.frames(conn, SqlWire.OUT), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(SqlWire.frames(conn, SqlWire.ERR), StandardCharsets.UTF_8));
        int status;
        try {
            status = request.execute(session, out, err);
        } catch (SqlWire.CallerGone gone) {
            return; // the caller closed the connection while we wrote
        } catch (RuntimeException | Error e) {
            if (callerGone.get()) return; // its jobs were cancelled: no one to tell
            LOG.error("sql call failed", e);
            err.println("sql: " + SqlErrors.oneLine(e) + " (stack in the resident session's log)");
            status = 1;
        } finally {
            done.set(true);
            spark.sparkContext().clearJobGroup();
            // CACHE TABLE lands in the context's cache, shared by every call and kept for the session's life (its
            // memory, and possibly rows older than the next commit): a call leaves nothing cached, as in its own JVM.
            session.catalog().clearCache();
        }
        out.flush();
        err.flush();
        SqlWire.exit(conn, SqlWire.EXIT, status);
        Path archive = status == 0 ? archiveToWrite.getAndSet(null) : null;
        if (archive != null && !Files.exists(archive)) {
            trainer = ClassArchive.train(archive, request.lakePath(), build);
            LOG.info("writing the class archive {} in a low-priority JVM", archive);
        }
    }
}
