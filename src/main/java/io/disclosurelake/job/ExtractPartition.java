package io.disclosurelake.job;

import io.disclosurelake.model.ReportIdentity;
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
        return process(candidate, known, guard, limits, hadoopConf.value().value());
    }

    /**
     * One listed file → one row. A file that vanished or changed between listing and reading is no verdict on
     * the document: its row has status {@link ExtractionRows#RETRY} and the job records nothing for it, so the
     * next night lists and reads it again (docs/job.md "Files that move during a night").
     */
    static Row process(Row candidate, Set<String> known, ExtractionGuard guard, ExtractionLimits limits,
                       org.apache.hadoop.conf.Configuration conf) {
        String path = candidate.getString(0);
        String uri = candidate.getString(1);
        long size = candidate.getLong(2);
        long started = System.nanoTime();
        try {
            if (size > limits.maxBytes()) {
                String sha = hashStream(uri, conf);
                String moved = changedSinceListing(candidate, conf);
                if (moved != null) return ExtractionRows.retry(candidate, moved, elapsedMs(started));
                if (known.contains(sha)) return ExtractionRows.known(candidate, sha);
                Report q = Report.quarantined(new DocumentInfo(path, sha, "unknown", null, size), QuarantineReason.TOO_LARGE,
                        "file of " + size + " bytes is over the limit of " + limits.maxBytes());
                return ExtractionRows.of(candidate, sha, q, elapsedMs(started));
            }
            byte[] bytes = new byte[(int) size];
            int read;
            boolean longer;
            try (InputStream in = open(uri, conf)) {
                read = in.readNBytes(bytes, 0, bytes.length);
                longer = read == bytes.length && in.read() != -1;
            }
            String moved = read != bytes.length ? "the file is shorter than listed (" + read + " of " + size + " bytes)"
                    : longer ? "the file grew after it was listed" : changedSinceListing(candidate, conf);
            if (moved != null) return ExtractionRows.retry(candidate, moved, elapsedMs(started));
            String sha = ReportIdentity.sha256Hex(bytes);
            if (known.contains(sha)) return ExtractionRows.known(candidate, sha);
            Report r = size == 0
                    ? ExtractionGuard.quarantined(path, sha, bytes, QuarantineReason.EMPTY, "the file is empty")
                    : guard.extract(path, sha, bytes);
            return ExtractionRows.of(candidate, sha, r, elapsedMs(started));
        } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
            return ExtractionRows.retry(candidate, "the file vanished after it was listed: " + e, elapsedMs(started));
        } catch (IOException | RuntimeException e) {
            // Unreadable (permissions, a damaged disk): a quarantine row, never a failed task.
            Report q = Report.quarantined(new DocumentInfo(path, "", "unknown", null, size), QuarantineReason.CORRUPT,
                    "cannot read the file: " + e);
            return ExtractionRows.of(candidate, "", q, elapsedMs(started));
        }
    }

    /**
     * Why the file is no longer the one listed (size or modification time changed, or gone), or null. Checked
     * after its bytes are read: when it still matches the listing, the bytes are the listed file's.
     */
    static String changedSinceListing(Row candidate, org.apache.hadoop.conf.Configuration conf) throws IOException {
        long listedSize = candidate.getLong(2);
        Long listedMtime = candidate.isNullAt(3) ? null : candidate.getTimestamp(3).getTime();
        long size;
        long mtime;
        java.net.URI u = java.net.URI.create(candidate.getString(1));
        if ("file".equals(u.getScheme())) {
            java.nio.file.attribute.BasicFileAttributes a = java.nio.file.Files.readAttributes(java.nio.file.Path.of(u),
                    java.nio.file.attribute.BasicFileAttributes.class);
            size = a.size();
            mtime = a.lastModifiedTime().toMillis();
        } else {
            Path file = new Path(u);
            org.apache.hadoop.fs.FileStatus st = file.getFileSystem(conf).getFileStatus(file);
            size = st.getLen();
            mtime = st.getModificationTime();
        }
        if (size != listedSize) return "the file changed after it was listed (size " + listedSize + " → " + size + " bytes)";
        if (listedMtime != null && mtime != listedMtime)
            return "the file changed after it was listed (modified " + java.time.Instant.ofEpochMilli(listedMtime)
                    + " → " + java.time.Instant.ofEpochMilli(mtime) + ")";
        return null;
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
