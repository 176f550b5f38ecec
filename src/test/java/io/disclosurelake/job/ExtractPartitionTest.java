package io.disclosurelake.job;

import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.model.DocumentInfo;
import io.disclosurelake.model.Report;
import io.disclosurelake.spec.QuarantineReason;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file that vanished or changed between listing and reading is "retry next night", never a verdict. */
class ExtractPartitionTest {
    private static final int STATUS = ExtractionRows.SCHEMA.fieldIndex("status");
    private static final int REASON = ExtractionRows.SCHEMA.fieldIndex("reason");
    private static final int MESSAGE = ExtractionRows.SCHEMA.fieldIndex("message");
    private static final int SHA = ExtractionRows.SCHEMA.fieldIndex("sha256");

    private Path dir;
    private final AtomicInteger extracted = new AtomicInteger();
    /** Quarantines everything as not_a_report: enough to tell "extracted" from "retry". */
    private final DocumentExtractor extractor = (path, bytes) -> {
        extracted.incrementAndGet();
        return Report.quarantined(new DocumentInfo(path, "x", "txt", null, bytes.length), QuarantineReason.NOT_A_REPORT, "fake");
    };
    private final ExtractionLimits limits = new ExtractionLimits(1000, Duration.ofSeconds(10), 10, 1 << 20, 30);
    private ExtractionGuard guard;

    @BeforeEach void setUp() throws IOException {
        dir = Files.createTempDirectory("dl-extract-partition");
        guard = new ExtractionGuard(extractor, limits);
    }

    @AfterEach void tearDown() throws IOException {
        guard.close();
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** The candidate row the driver makes when it lists the file now. */
    private static Row listed(Path f) throws IOException {
        return RowFactory.create(f.getFileName().toString(), f.toUri().toString(), Files.size(f),
                new Timestamp(Files.getLastModifiedTime(f).toMillis()), new Timestamp(0));
    }

    private Row process(Row candidate) {
        return ExtractPartition.process(candidate, Set.of(), guard, limits, new Configuration());
    }

    private static void assertRetry(Row r, String why) {
        assertEquals(ExtractionRows.RETRY, r.getString(STATUS), r.toString());
        assertTrue(r.isNullAt(REASON), "no quarantine reason: " + r);
        assertEquals("", r.getString(SHA));
        assertTrue(r.getString(MESSAGE).startsWith("retry next night: ") && r.getString(MESSAGE).contains(why), r.getString(MESSAGE));
    }

    @Test void aFileReadAsListedIsExtracted() throws IOException {
        Row r = process(listed(Files.writeString(dir.resolve("a.txt"), "some report")));
        assertEquals("quarantined", r.getString(STATUS));
        assertEquals(64, r.getString(SHA).length());
        assertEquals(1, extracted.get());
    }

    @Test void aFileDeletedAfterListingIsRetriedNotQuarantined() throws IOException {
        Path f = Files.writeString(dir.resolve("gone.txt"), "some report");
        Row candidate = listed(f);
        Files.delete(f);
        assertRetry(process(candidate), "vanished");
        assertEquals(0, extracted.get());
    }

    @Test void aFileThatGrewOrShrankAfterListingIsRetried() throws IOException {
        Path f = Files.writeString(dir.resolve("grows.txt"), "some report");
        Row candidate = listed(f);
        Files.writeString(f, " and more", StandardOpenOption.APPEND);
        assertRetry(process(candidate), "grew");

        Path g = Files.writeString(dir.resolve("shrinks.txt"), "some report");
        Row c2 = listed(g);
        Files.writeString(g, "short");
        assertRetry(process(c2), "shorter than listed");
        assertEquals(0, extracted.get());
    }

    @Test void aFileRewrittenWithTheSameSizeIsRetried() throws IOException {
        Path f = Files.writeString(dir.resolve("same-size.txt"), "version one");
        Row candidate = listed(f);
        Files.writeString(f, "version two");
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5_000));
        assertRetry(process(candidate), "modified");
        assertEquals(0, extracted.get());
    }

    @Test void anOversizedFileThatVanishesIsRetriedNotTooLarge() throws IOException {
        Path f = Files.writeString(dir.resolve("big.txt"), "x".repeat(2000));
        Row candidate = listed(f);
        assertEquals("quarantined", process(candidate).getString(STATUS)); // too_large while it is there
        Files.delete(f);
        assertRetry(process(candidate), "vanished");
    }
}
