package io.disclosurelake.hardening;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.disclosurelake.extract.ExtractionLimits;
import io.disclosurelake.extract.Extractor;
import io.disclosurelake.json.ReportJson;
import io.disclosurelake.model.Report;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@link Extractor} alone on every file of the battery: each hostile file becomes a quarantined report with
 * the right reason, in bounded time and memory; each good one a report of the right body, the same as its
 * untwisted twin; no external entity is resolved.
 */
@Tag("slow") // builds the hostile battery with LibreOffice: the full lane (mvn verify)
class ExtractorBatteryTest {
    /** Short enough to keep the test quick, long enough for a real report on a loaded 2-core machine. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** As the job tests run it: zip containers capped at 64 MB inflated (real reports stay under 5 MB). */
    static final long MAX_UNCOMPRESSED = 64L << 20;
    static final ExtractionLimits LIMITS = new ExtractionLimits(50L << 20, TIMEOUT, 300, MAX_UNCOMPRESSED, 30);

    static Battery battery;
    static Extractor extractor;
    static final Map<String, String> jsonByName = new ConcurrentHashMap<>();

    @BeforeAll static void setUp() {
        assumeTrue(OfficeConversion.available(), "LibreOffice (soffice) is needed to build the battery; bin/test installs it");
        extractor = new Extractor(LIMITS);
        try {
            extractor.extract("probe.txt", SeedReport.original().txt());
        } catch (UnsupportedOperationException notYet) {
            assumeTrue(false, "Extractor not merged yet: " + notYet.getMessage());
        }
        battery = Battery.get();
    }

    @TestFactory List<DynamicTest> everyFileOfTheBattery() {
        return battery.entries.stream()
                .filter(e -> e.outcome() != HostileFiles.Outcome.NOT_A_DOCUMENT)
                .map(e -> DynamicTest.dynamicTest(e.toString(), () -> check(e)))
                .toList();
    }

    private static void check(HostileFiles.Entry e) throws Exception {
        byte[] bytes = Files.readAllBytes(e.file());
        long t0 = System.nanoTime();
        Report r = extractBounded(e.name(), bytes);
        double seconds = (System.nanoTime() - t0) / 1e9;
        jsonByName.put(e.name(), ReportJson.toJson(r));
        String got = r.status() + (r.reason() == null ? "" : "/" + r.reason().id) + " (" + r.message() + ")";
        assertTrue(seconds < TIMEOUT.toSeconds() + 5, e + " took " + seconds + " s, over the time limit");
        switch (e.outcome()) {
            case PARSED -> {
                assertFalse(r.isQuarantined(), e + " must parse, got " + got);
                assertEquals(e.org(), r.org(), e + ": body");
            }
            case QUARANTINED -> {
                assertTrue(r.isQuarantined(), e + " must be quarantined, got " + got);
                assertTrue(e.reasons().contains(r.reason()), e + " must be quarantined as one of " + e.reasons() + ", got " + got);
            }
            case PARSED_OR_QUARANTINED -> {
                if (r.isQuarantined()) {
                    assertTrue(e.reasons().contains(r.reason()), e + " may only be quarantined as one of " + e.reasons() + ", got " + got);
                } else {
                    assertEquals(e.org(), r.org(), e + ": body");
                }
            }
            case NOT_A_DOCUMENT -> fail("not a document");
        }
        if (e.twin() != null) {
            Report twin = extractBounded(e.twinName(), e.twin());
            assertEquals(withoutDocument(twin), withoutDocument(r), e + " must give the same report as its untwisted twin");
        }
    }

    /** Runs the extractor on a thread of its own so that a hang fails this test instead of stalling the suite. */
    @SuppressWarnings({"deprecation", "removal"})
    static Report extractBounded(String name, byte[] bytes) throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                out.set(extractor.extract(name, bytes));
            } catch (Throwable x) {
                out.set(x);
            }
        }, "extract-" + name);
        t.setDaemon(true);
        t.start();
        t.join(TIMEOUT.toMillis() + 30_000);
        if (t.isAlive()) {
            t.stop(); // the document would otherwise keep a core busy for the rest of the suite
            fail(name + ": the extractor did not return within " + (TIMEOUT.toSeconds() + 30) + " s (limit " + TIMEOUT.toSeconds() + " s)");
        }
        if (out.get() instanceof Throwable x) throw new AssertionError(name + ": the extractor threw (it must never throw)", x);
        Report r = (Report) out.get();
        assertNotNull(r, name + ": no report");
        return r;
    }

    private static ObjectNode withoutDocument(Report r) {
        ObjectNode n = ReportJson.toNode(r);
        n.remove("document");
        return n;
    }

    @AfterAll static void nothingLeaked() throws IOException {
        if (battery == null) return;
        assertEquals(0, battery.dtdCanary.connections(), "a reader fetched the external DTD");
        for (Map.Entry<String, String> j : jsonByName.entrySet()) {
            assertFalse(j.getValue().contains(battery.canaries.secret()), j.getKey() + ": the secret file's content leaked into the report");
        }
    }
}
