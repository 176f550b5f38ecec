package io.disclosurelake.sql;

import io.disclosurelake.model.ReportIdentity;


import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The caller's side of a {@link ResidentSqlSession}: sends a {@link SqlRequest} to the session of this build and
 * working directory, starting one in the background when none answers, and copies its answer to the caller's
 * standard output and error. Loads no Spark class, so a call costs a small JVM start plus the query.
 * <p>
 * The socket lives in a directory only the user can open ({@code $XDG_RUNTIME_DIR/disclosure-lake} or
 * {@code <tmp>/disclosure-lake-USER}, mode 700); where that cannot be had, {@link #forThisJvm} throws saying
 * why and the caller answers in its own JVM.
 */
public final class ResidentSqlClient {
    /** Starts a session that will serve the socket; returns whether it is still alive (starting or serving). */
    public interface Launcher {
        BooleanSupplier start() throws IOException;
    }

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Path socket;
    private final String build;
    private final Launcher launcher;
    private final Path log;

    public ResidentSqlClient(Path socket, String build, Launcher launcher, Path log) {
        this.socket = socket;
        this.build = build;
        this.launcher = launcher;
        this.log = log;
    }

    /**
     * The client for this JVM's class path and working directory; the session it starts runs this JVM's java with
     * its options (the quick JIT too: measured on 2 cores, a session's first answer 9.1 s → 6.9 s and later ones
     * 1.2 s → 0.9 s), starts from the class archive when there is one (else has it written) and stays for
     * {@code idle} after its last call. Throws, saying why, when no private socket directory can be had.
     */
    public static ResidentSqlClient forThisJvm(Duration idle, Optional<Path> classArchive) throws IOException {
        Path dir = socketDirectory();
        String key = sha256(sessionKey()).substring(0, 12);
        Path socket = dir.resolve("sql-" + key + ".sock");
        Path log = dir.resolve("sql-" + key + ".log");
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > 100) {
            throw new IOException("socket path too long for a Unix socket: " + socket);
        }
        return new ResidentSqlClient(socket, buildFingerprint(), () -> startJvm(socket, idle, classArchive, log)::isAlive, log);
    }

    /**
     * What a session must share with its callers: the class path, the working directory (relative paths in SQL),
     * the JVM's options (-Xmx, -Dspark.…) and the environment Hadoop and the cloud stores read (credentials, site
     * files), and conf/spark-defaults.conf, which every command's session reads. A caller that differs in any of
     * them gets a session of its own.
     */
    static String sessionKey() {
        StringBuilder k = new StringBuilder(System.getProperty("java.class.path")).append('\n')
                .append(Path.of("").toAbsolutePath()).append('\n');
        Path sparkDefaults = io.disclosurelake.lake.LakeSession.sparkDefaults();
        if (sparkDefaults != null) {
            try {
                k.append(java.nio.file.Files.readString(sparkDefaults)).append('\n');
            } catch (IOException | RuntimeException e) {
                k.append("unreadable ").append(sparkDefaults).append('\n');
            }
        }
        ClassArchive.javaLikeThisOne().forEach(a -> k.append(a).append('\n'));
        new java.util.TreeMap<>(System.getenv()).forEach((name, value) -> {
            if (name.matches("(HADOOP|SPARK|AWS|AZURE|GOOGLE|GCS|S3|KRB5|JAVA_TOOL)_?.*|TZ|LANG|LC_ALL")) {
                k.append(name).append('=').append(value).append('\n');
            }
        });
        return k.toString();
    }

    public Path socket() {
        return socket;
    }

    /**
     * Runs the request in the resident session and returns its exit status; starts a session first when none
     * answers (saying so on {@code err}). Empty when no session could be started: the caller then answers itself.
     */
    public OptionalInt submit(SqlRequest request, PrintWriter out, PrintWriter err) throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        BooleanSupplier started = null;
        int launches = 0;
        boolean announced = false;
        boolean unanswered = false;
        while (System.nanoTime() < deadline) {
            SocketChannel ch = connect();
            if (ch != null) {
                Answer a = exchange(ch, request, out, err);
                switch (a.kind()) {
                    case RESTART -> {
                        started = null; // the session of another build is leaving; start ours
                        continue;
                    }
                    case UNANSWERED -> {
                        // Closed without a word: a session that was just leaving (once), or one that died on this
                        // query (twice: do not run it a third time).
                        if (unanswered) return lost(err);
                        unanswered = true;
                        started = null;
                        continue;
                    }
                    case LOST -> {
                        return lost(err);
                    }
                    default -> {
                        return OptionalInt.of(a.status());
                    }
                }
            }
            if ((started == null || !started.getAsBoolean()) && !sessionStarting()) {
                if (launches == 3) break; // each one failed by itself: its log says why
                if (!announced) {
                    err.println("sql: starting a resident SQL session in the background (it answers later calls "
                            + "fast and ends after a quiet spell; `sql --stop` ends it now, --no-resident avoids it)");
                    err.flush();
                    announced = true;
                }
                started = launcher.start();
                launches++;
            }
            sleep(50);
        }
        err.println("sql: could not start a resident SQL session (its log: " + log + "); answering here");
        err.flush();
        return OptionalInt.empty();
    }

    private OptionalInt lost(PrintWriter err) {
        err.println("sql: the resident SQL session stopped during the query (its log: " + log + ")");
        err.flush();
        return OptionalInt.of(1);
    }

    /**
     * Whether a session holds the socket's lock without listening yet (starting: Spark takes seconds) — then the
     * call waits for it instead of starting another that would find the lock taken and leave.
     */
    private boolean sessionStarting() {
        Path lock = ResidentSqlSession.lockFor(socket);
        if (!Files.exists(lock)) return false;
        try (FileChannel f = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = f.tryLock();
            if (l == null) return true;
            l.release();
            return false;
        } catch (OverlappingFileLockException inThisJvm) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the resident session");
        }
    }

    /** Asks the session to end; true when one was there. */
    public boolean stop() throws IOException {
        SocketChannel ch = connect();
        if (ch == null) return false;
        try (ch) {
            DataOutputStream o = new DataOutputStream(new BufferedOutputStream(SqlWire.outputOf(ch)));
            header(o, SqlWire.STOP);
            o.flush();
            new DataInputStream(SqlWire.inputOf(ch)).readByte();
        } catch (EOFException e) {
            // it left before answering: stopped all the same
        }
        return true;
    }

    /** Stops the resident session of this build and working directory (the one this JVM's calls use); false when none ran. */
    public static boolean stopThis() throws IOException {
        Path socket = socketDirectory().resolve("sql-" + sha256(sessionKey()).substring(0, 12) + ".sock");
        return Files.exists(socket) && new ResidentSqlClient(socket, "", () -> () -> false, null).stop();
    }

    /** Stops every resident session of this user (all builds and directories); returns how many there were. */
    public static int stopAll() throws IOException {
        Path dir = socketDirectory();
        int n = 0;
        try (DirectoryStream<Path> socks = Files.newDirectoryStream(dir, "sql-*.sock")) {
            for (Path s : socks) if (new ResidentSqlClient(s, "", () -> () -> false, null).stop()) n++;
        }
        return n;
    }

    private enum Kind { DONE, RESTART, UNANSWERED, LOST }

    private record Answer(Kind kind, int status) {}

    private Answer exchange(SocketChannel ch, SqlRequest request, PrintWriter out, PrintWriter err) throws IOException {
        try (ch) {
            try {
                DataOutputStream o = new DataOutputStream(new BufferedOutputStream(SqlWire.outputOf(ch)));
                header(o, SqlWire.QUERY);
                request.writeTo(o);
                o.flush();
            } catch (IOException closed) {
                return new Answer(Kind.UNANSWERED, 1); // a session closing as we called
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(SqlWire.inputOf(ch), 1 << 16));
            SqlWire.Utf8Frames outText = new SqlWire.Utf8Frames(), errText = new SqlWire.Utf8Frames();
            int kindRead;
            try {
                kindRead = in.read();
            } catch (IOException reset) {
                kindRead = -1;
            }
            if (kindRead < 0) return new Answer(Kind.UNANSWERED, 1);
            byte kind = (byte) kindRead;
            while (true) {
                int n = in.readInt();
                switch (kind) {
                    case SqlWire.OUT, SqlWire.ERR -> {
                        byte[] bytes = in.readNBytes(n);
                        if (bytes.length < n) throw new EOFException();
                        if (kind == SqlWire.OUT) out.print(outText.decode(bytes));
                        else err.print(errText.decode(bytes));
                        if (kind == SqlWire.ERR) err.flush();
                    }
                    case SqlWire.EXIT -> {
                        out.flush();
                        err.flush();
                        return new Answer(Kind.DONE, n);
                    }
                    case SqlWire.RESTART -> {
                        return new Answer(Kind.RESTART, 0);
                    }
                    default -> throw new IOException("unknown frame " + kind);
                }
                kind = in.readByte();
            }
        } catch (EOFException | java.net.SocketException e) {
            out.flush();
            return new Answer(Kind.LOST, 1);
        }
    }

    private void header(DataOutputStream o, byte command) throws IOException {
        o.writeInt(SqlWire.MAGIC);
        o.writeInt(SqlWire.VERSION);
        o.writeUTF(build);
        o.writeByte(command);
    }

    /** A connection to the session, or null when none listens (no socket file, or one left by a killed session). */
    private SocketChannel connect() {
        if (!Files.exists(socket)) return null;
        try {
            return SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            return null;
        }
    }

    private static Process startJvm(Path socket, Duration idle, Optional<Path> classArchive, Path log) throws IOException {
        // Appended to (a session still finishing writes to it too); started afresh once it grows past 10 MB.
        if (Files.exists(log) && Files.size(log) > 10 << 20) Files.delete(log);
        List<String> cmd = new ArrayList<>();
        // Its own session: Ctrl-C at the terminal ends the call, not the session serving later calls.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) cmd.add("/usr/bin/setsid");
        cmd.addAll(ClassArchive.javaLikeThisOne());
        boolean archived = classArchive.filter(Files::isRegularFile).isPresent();
        if (archived) cmd.add("-XX:SharedArchiveFile=" + classArchive.get());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ResidentSqlSession.class.getName());
        cmd.add(socket.toString());
        cmd.add(Long.toString(idle.toSeconds()));
        if (!archived) classArchive.ifPresent(a -> cmd.add(a.toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    /**
     * The per-user directory of the sockets, created private (700); refused when it exists but someone else
     * owns it or others may enter it — a socket there would let them read the lake through our session.
     */
    static Path socketDirectory() throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path dir = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "disclosure-lake")
                : Path.of(System.getProperty("java.io.tmpdir"), "disclosure-lake-" + System.getProperty("user.name"));
        return privateDirectory(dir);
    }

    static Path privateDirectory(Path dir) throws IOException {
        Set<PosixFilePermission> own = PosixFilePermissions.fromString("rwx------");
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(own));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made by another call at the same moment: checked below
            }
        }
        if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(dir + " is not a directory");
        }
        String me = System.getProperty("user.name");
        String owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS).getName();
        if (!owner.equals(me)) throw new IOException(dir + " belongs to " + owner + ", not " + me);
        if (!Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(own)) {
            throw new IOException(dir + " may be opened by others (want mode 700)");
        }
        return dir;
    }

    /**
     * What the session runs: each class-path entry with its size and time (for a directory, its newest file), so
     * that a rebuilt jar or recompiled classes are a different build.
     */
    public static String buildFingerprint() {
        StringBuilder sb = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            sb.append(entry).append('|');
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        sb.append(s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0));
                    }
                } else if (Files.exists(p)) {
                    sb.append(Files.size(p)).append('@').append(Files.getLastModifiedTime(p).toMillis());
                }
            } catch (IOException e) {
                sb.append('?');
            }
            sb.append('\n');
        }
        return sha256(sb.toString());
    }

    private static String sha256(String s) {
        return ReportIdentity.sha256Hex(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "resident sql session at %s", socket);
    }
}
