package io.disclosurelake.job;

import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.model.Report;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * The executor side of the job: for each candidate file, read its bytes through the Hadoop FileSystem API,
 * hash them, skip content already processed, and run the guarded extractor. One row out per file, always.
 */
public final class ExtractPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final ExtractorFactory factory;
    private final JobSettings settings;
    private transient ExtractionLimits limits;
    private final Broadcast<SerializableConfiguration> hadoopConf;
    private final Broadcast<Set<String>> knownSha256;

    /** Takes the settings, not the limits: limits are built on the executor (ExtractionLimits is not serialisable). */
    public ExtractPartition(ExtractorFactory factory, JobSettings settings,
                            Broadcast<SerializableConfiguration> hadoopConf, Broadcast<Set<String>> knownSha256) {
        this.factory = factory;
        this.settings = settings;
        this.hadoopConf = hadoopConf;
        this.knownSha256 = knownSha256;
    }

    @Override public Iterator<Row> call(Iterator<Row> input) {
        Set<String> known = knownSha256.value();
        limits = settings.limits();
        ExtractionGuard guard = new ExtractionGuard(factory.create(limits), limits);
        return new Iterator<>() {
            @Override public boolean hasNext() {
                boolean more = input.hasNext();
                if (!more) guard.close();
                return more;
            }

            private boolean first = true;

            @Override public Row next() {
                Row row = process(input.next(), known, guard);
                // one marker per partition, after its first document: a crash here is mid-parse
                if (first) CrashPoint.reach("extract");
                first = false;
                return row;
            }
        };
    }

    private Row process(Row candidate, Set<String> known, ExtractionGuard guard) {
        String path = candidate.getString(0);
        long size = candidate.getLong(2);
        long started = System.nanoTime();
        try {
            if (size > limits.maxBytes()) {
                String sha = hashStream(candidate.getString(1), hadoopConf.value().value());
                if (known.contains(sha)) return ExtractionRows.known(candidate, sha);
                Report q = Report.quarantined(new DocumentInfo(path, sha, "unknown", null, size), QuarantineReason.TOO_LARGE,
                        "file of " + size + " bytes is over the limit of " + limits.maxBytes());
                return ExtractionRows.of(candidate, sha, q, elapsedMs(started));
            }
            byte[] bytes = new byte[(int) size];
            try (InputStream in = open(candidate.getString(1), hadoopConf.value().value())) {
                if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) throw new IOException("file shorter than listed");
            }
            String sha = ReportIdentity.sha256Hex(bytes);
            if (known.contains(sha)) return ExtractionRows.known(candidate, sha);
            Report r = size == 0
                    ? ExtractionGuard.quarantined(path, sha, bytes, QuarantineReason.EMPTY, "the file is empty")
                    : guard.extract(path, sha, bytes);
            return ExtractionRows.of(candidate, sha, r, elapsedMs(started));
        } catch (IOException | RuntimeException e) {
            // Unreadable (vanished, permissions, changed size while reading): a quarantine row, never a failed task.
            Report q = Report.quarantined(new DocumentInfo(path, "", "unknown", null, size), QuarantineReason.CORRUPT,
                    "cannot read the file: " + e);
            return ExtractionRows.of(candidate, "", q, elapsedMs(started));
        }
    }

    private static String hashStream(String uri, org.apache.hadoop.conf.Configuration conf) throws IOException {
        MessageDigest md = ReportIdentity.sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = open(uri, conf)) {
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Opens a listed file by its URI. Local files go through java.nio, whose file: URIs keep a name's raw bytes
     * (%C4%CF…); Hadoop's local file system decodes them as UTF-8 and cannot open a name that is not.
     */
    public static InputStream open(String uri, org.apache.hadoop.conf.Configuration conf) throws IOException {
        java.net.URI u = java.net.URI.create(uri);
        if ("file".equals(u.getScheme())) return java.nio.file.Files.newInputStream(java.nio.file.Path.of(u));
        Path file = new Path(u);
        return file.getFileSystem(conf).open(file);
    }

    private static long elapsedMs(long startedNanos) { return (System.nanoTime() - startedNanos) / 1_000_000; }
}
