package io.disclosurelake.lake;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One night at a time per lake: two nights racing on a fresh and on an existing lake, waiting, stale claims. */
class NightClaimTest {
    private static final Duration EXPIRY = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(20);
    private Path base;
    private ExecutorService pool;

    @BeforeEach void setUp() throws IOException {
        base = Files.createTempDirectory("dl-claim");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach void tearDown() throws IOException {
        pool.shutdownNow();
        try (var s = Files.walk(base)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private NightClaim claims(Path lake) throws IOException {
        return new NightClaim(lake.toUri().toString(), new Configuration(), EXPIRY, POLL);
    }

    /** Two nights claim at the same instant; returns [winners, refusals], the refusal's message checked. */
    private void race(Path lake, int round) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> nights = new ArrayList<>();
        for (String run : List.of("run-a-" + round, "run-b-" + round)) {
            Callable<Object> night = () -> {
                NightClaim c = claims(lake); // each night its own instance, as two processes would have
                start.await();
                try {
                    return c.acquire(run, Duration.ZERO);
                } catch (NightClaim.ClaimedException e) {
                    return e;
                }
            };
            nights.add(pool.submit(night));
        }
        List<NightClaim.Held> won = new ArrayList<>();
        List<NightClaim.ClaimedException> refused = new ArrayList<>();
        for (Future<Object> f : nights) {
            Object o = f.get(20, TimeUnit.SECONDS);
            if (o instanceof NightClaim.Held h) won.add(h);
            else refused.add((NightClaim.ClaimedException) o);
        }
        assertEquals(1, won.size(), "round " + round + ": exactly one night wins, refused " + refused);
        assertEquals(1, refused.size());
        NightClaim.Holder winner = won.get(0).holder();
        String line = refused.get(0).getMessage();
        assertTrue(line.contains("run " + winner.runId()) && line.contains(winner.host())
                && line.contains("pid " + ProcessHandle.current().pid()) && line.contains(winner.startedAt().toString())
                && !line.contains("\n"), line);
        assertEquals(winner.runId(), claims(lake).holder().orElseThrow().runId());
        won.get(0).release();
        assertTrue(claims(lake).holder().isEmpty());
    }

    @Test void onAFreshLakeExactlyOneOfTwoNightsWinsEveryTime() throws Exception {
        for (int round = 0; round < 10; round++) race(base.resolve("fresh-" + round), round); // lake not even created
    }

    @Test void onAnExistingLakeExactlyOneOfTwoNightsWinsEveryTime() throws Exception {
        Path lake = Files.createDirectories(base.resolve("lake"));
        Files.createDirectories(lake.resolve("documents/_delta_log"));
        for (int round = 0; round < 10; round++) race(lake, round);
        try (var s = Files.list(lake.resolve(NightClaim.DIR))) {
            List<String> left = s.map(f -> f.getFileName().toString()).sorted().toList();
            assertTrue(left.size() <= 6, "old generations are tidied away: " + left);
        }
    }

    @Test void aSecondNightWaitsBoundedThenRefusesOrGetsTheLake() throws Exception {
        Path lake = base.resolve("lake");
        NightClaim.Held first = claims(lake).acquire("first", Duration.ZERO);

        long t0 = System.nanoTime();
        NightClaim.ClaimedException e = assertThrows(NightClaim.ClaimedException.class,
                () -> claims(lake).acquire("second", Duration.ofMillis(300)));
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waitedMs >= 300 && waitedMs < 5_000, waitedMs + " ms");
        assertTrue(e.getMessage().startsWith("another night is running on lake ") && e.getMessage().contains("run first"), e.getMessage());

        Future<NightClaim.Held> second = pool.submit(() -> claims(lake).acquire("second", Duration.ofSeconds(10)));
        Thread.sleep(200);
        first.release();
        first.release(); // idempotent
        NightClaim.Held h = second.get(10, TimeUnit.SECONDS);
        assertEquals("second", h.holder().runId());
        h.close();
    }

    /** Writes generation 1 as a night of {@code host}/{@code pid} would have, its files last touched {@code at}. */
    private void plantClaim(Path lake, String host, long pid, Instant started, Instant at) throws IOException {
        Path dir = Files.createDirectories(lake.resolve(NightClaim.DIR));
        Path claim = Files.writeString(dir.resolve(String.format("%019d", 1) + ".claim"),
                "run_id=killed\nhost=" + host + "\npid=" + pid + "\nstarted_at=" + started + "\n");
        Path beat = Files.writeString(dir.resolve(String.format("%019d", 1) + ".beat"), at.toString());
        Files.setLastModifiedTime(claim, FileTime.from(at));
        Files.setLastModifiedTime(beat, FileTime.from(at));
    }

    @Test void aClaimOfAKilledNightOnThisHostIsTakenOverAtOnce() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        Path lake = base.resolve("lake");
        Instant now = Instant.now();
        plantClaim(lake, NightClaim.host(), p.pid(), now.minusSeconds(5), now); // fresh heartbeat, dead pid
        assertTrue(claims(lake).holder().isEmpty());
        try (NightClaim.Held h = claims(lake).acquire("next", Duration.ZERO)) {
            assertEquals(2, h.holder().generation());
        }
    }

    @Test void aClaimWhoseHeartbeatStoppedIsTakenOverAndALiveOneIsNot() throws Exception {
        Path stale = base.resolve("stale");
        plantClaim(stale, "night-host-b", 4242, Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));
        try (NightClaim.Held h = claims(stale).acquire("next", Duration.ZERO)) {
            assertEquals("next", h.holder().runId());
        }

        Path live = base.resolve("live");
        plantClaim(live, "night-host-b", 4242, Instant.now().minusSeconds(30), Instant.now());
        NightClaim.ClaimedException e = assertThrows(NightClaim.ClaimedException.class,
                () -> claims(live).acquire("next", Duration.ZERO));
        assertTrue(e.getMessage().contains("run killed on night-host-b (pid 4242"), e.getMessage());
    }
}
