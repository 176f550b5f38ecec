package io.disclosurelake.lake;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One night at a time per lake (docs/job.md "One night at a time"). Claims are numbered generations under
 * {@code <lake>/_night_claims/}: to claim, a night creates generation N+1 if-absent, where N is the latest
 * generation and N is released or stale. Create-if-absent lets exactly one of two racing nights have N+1
 * (java.nio {@code link} on a local disk, the NameNode's create on HDFS, a conditional PUT on S3A — see the
 * docs), and no claim is ever overwritten or deleted to take it over, so a takeover cannot race either.
 *
 * <p>A claim is stale when its night is dead: same host and its pid gone (or a newer process under that pid), or
 * its heartbeat ({@code N.beat}, rewritten by the holder every {@code expiry / 4}) older than {@code expiry}.
 */
public final class NightClaim {
    static final String DIR = "_night_claims";
    private static final String CLAIM = ".claim";
    private static final String BEAT = ".beat";
    private static final String RELEASED = ".released";

    /** Who holds (or held) a generation. */
    public record Holder(long generation, String runId, String host, long pid, Instant startedAt) {
        public String describe() {
            return "run " + runId + " on " + host + " (pid " + pid + ", started " + startedAt + ")";
        }
    }

    /** A second night found the lake claimed by a live one and did not wait (longer). One line for the operator. */
    public static final class ClaimedException extends IOException {
        public final Holder holder;

        ClaimedException(String lake, Holder holder, Duration waited) {
            super("another night is running on lake " + lake + ": " + holder.describe()
                    + (waited.toSeconds() < 1 ? "" : "; waited " + waited.toSeconds() + " s") + "; try again when it has finished");
            this.holder = holder;
        }
    }

    private final String lake;
    private final Path dir;
    private final FileSystem fs;
    private final Duration expiry;
    private final Duration poll;

    public NightClaim(String lakeUri, Configuration conf) throws IOException {
        this(lakeUri, conf, Duration.ofMinutes(10), Duration.ofSeconds(5));
    }

    /** @param expiry a claim whose heartbeat is older is stale; @param poll how often a waiting night looks again */
    public NightClaim(String lakeUri, Configuration conf, Duration expiry, Duration poll) throws IOException {
        this.lake = lakeUri;
        Path root = new Path(lakeUri);
        this.fs = root.getFileSystem(conf);
        this.dir = new Path(fs.makeQualified(root), DIR);
        this.expiry = expiry;
        this.poll = poll;
    }

    /**
     * Claims the lake for {@code runId}, waiting up to {@code maxWait} for a running night to finish (zero: refuse
     * at once). Throws {@link ClaimedException} naming the running night when it is still running.
     */
    public Held acquire(String runId, Duration maxWait) throws IOException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long started = System.nanoTime();
        fs.mkdirs(dir);
        while (true) {
            long latest = latestGeneration();
            Holder live;
            try {
                live = latest == 0 ? null : liveHolder(latest);
            } catch (java.io.FileNotFoundException tidiedAway) {
                continue; // a newer night won and removed older generations meanwhile: look again
            }
            if (live == null) {
                Holder me = new Holder(latest + 1, runId, host(), ProcessHandle.current().pid(), Instant.now());
                if (createIfAbsent(file(me.generation(), CLAIM), format(me))) {
                    cleanUpBefore(latest);
                    return new Held(me);
                }
                continue; // another night took latest + 1 first: look again
            }
            if (System.nanoTime() >= deadline)
                throw new ClaimedException(lake, live, Duration.ofNanos(System.nanoTime() - started));
            sleep(Math.min(poll.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    /** The night holding the lake now, if any (a released or stale claim is no holder). */
    public Optional<Holder> holder() throws IOException {
        long latest = fs.exists(dir) ? latestGeneration() : 0;
        return latest == 0 ? Optional.empty() : Optional.ofNullable(liveHolder(latest));
    }

    /** A held claim: heartbeats until released. */
    public final class Held implements AutoCloseable {
        private final Holder holder;
        private final ScheduledExecutorService beat;

        private Held(Holder holder) throws IOException {
            this.holder = holder;
            writeBeat();
            long every = Math.max(1, expiry.toMillis() / 4);
            beat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "night-claim-heartbeat");
                t.setDaemon(true);
                return t;
            });
            beat.scheduleAtFixedRate(() -> {
                try { writeBeat(); } catch (IOException ignored) { /* the next beat tries again */ }
            }, every, every, TimeUnit.MILLISECONDS);
        }

        public Holder holder() { return holder; }

        private void writeBeat() throws IOException {
            Path beatFile = file(holder.generation(), BEAT);
            byte[] now = Instant.now().toString().getBytes(StandardCharsets.UTF_8);
            if ("file".equals(beatFile.toUri().getScheme())) { // no .crc beside it
                java.nio.file.Files.write(java.nio.file.Path.of(beatFile.toUri()), now);
                return;
            }
            try (FSDataOutputStream out = fs.create(beatFile, true)) {
                out.write(now);
            }
        }

        /** Releases the lake (idempotent). */
        public void release() throws IOException {
            if (beat.isShutdown()) return;
            beat.shutdownNow();
            createIfAbsent(file(holder.generation(), RELEASED), "released " + Instant.now() + "\n");
        }

        @Override public void close() throws IOException { release(); }
    }

    // -- the claim files ---------------------------------------------------------------------------------------

    private Path file(long generation, String suffix) { return new Path(dir, String.format("%019d", generation) + suffix); }

    private long latestGeneration() throws IOException {
        long max = 0;
        for (FileStatus st : fs.listStatus(dir)) {
            String n = st.getPath().getName();
            if (n.endsWith(CLAIM) && n.length() == 19 + CLAIM.length()) max = Math.max(max, Long.parseLong(n.substring(0, 19)));
        }
        return max;
    }

    /** The holder of {@code generation} if its night still holds the lake; null when released or stale. */
    private Holder liveHolder(long generation) throws IOException {
        if (fs.exists(file(generation, RELEASED))) return null;
        Holder h = parse(generation, read(file(generation, CLAIM)));
        if (h.host().equals(host()) && !alive(h)) return null;
        Path beat = file(generation, BEAT);
        long last = fs.exists(beat) ? fs.getFileStatus(beat).getModificationTime() : fs.getFileStatus(file(generation, CLAIM)).getModificationTime();
        return System.currentTimeMillis() - last > expiry.toMillis() ? null : h;
    }

    /** The pid is alive and is the same process (not a later one that reuses the pid). */
    private static boolean alive(Holder h) {
        Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
        if (p.isEmpty() || !p.get().isAlive()) return false;
        Optional<Instant> start = p.get().info().startInstant();
        return start.isEmpty() || !start.get().isAfter(h.startedAt().plusSeconds(1));
    }

    /** Old generations are kept one behind (a night that read them a moment ago still finds them). */
    private void cleanUpBefore(long keepFrom) {
        try {
            for (FileStatus st : fs.listStatus(dir)) {
                String n = st.getPath().getName();
                if (n.length() > 19 && n.substring(0, 19).chars().allMatch(Character::isDigit)
                        && Long.parseLong(n.substring(0, 19)) < keepFrom) fs.delete(st.getPath(), false);
            }
        } catch (IOException ignored) {
            // tidying only
        }
    }

    /**
     * Writes a file only if none exists, atomically: exactly one of two racing writers succeeds, and a reader
     * never sees half a file. Local disks: write a temporary file, then hard-link it into place (link(2) fails
     * if the name exists; Hadoop's local create checks then opens, which races). Other file systems: Hadoop's
     * create without overwrite (HDFS: atomic at the NameNode; S3A: a conditional PUT when
     * fs.s3a.create.conditional.enabled is on).
     */
    private boolean createIfAbsent(Path target, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if ("file".equals(target.toUri().getScheme())) {
            java.nio.file.Path t = java.nio.file.Path.of(target.toUri());
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile(t.getParent(), ".claim-", ".tmp");
            try {
                java.nio.file.Files.write(tmp, bytes);
                java.nio.file.Files.createLink(t, tmp);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            } finally {
                java.nio.file.Files.deleteIfExists(tmp);
            }
        }
        try (FSDataOutputStream out = fs.create(target, false)) {
            out.write(bytes);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(target)) return false; // some file systems report the lost race otherwise
            throw e;
        }
    }

    private String read(Path p) throws IOException {
        try (InputStream in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String format(Holder h) {
        return "run_id=" + h.runId() + "\nhost=" + h.host() + "\npid=" + h.pid() + "\nstarted_at=" + h.startedAt() + "\n";
    }

    private static Holder parse(long generation, String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return new Holder(generation, p.getProperty("run_id", "?"), p.getProperty("host", "?"),
                Long.parseLong(p.getProperty("pid", "-1")), Instant.parse(p.getProperty("started_at", "1970-01-01T00:00:00Z")));
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for the lake");
        }
    }
}
