package io.disclosurelake.job;

/**
 * Named points of the nightly job where a crash is worth simulating (before/inside parsing, around each Delta
 * commit). With the system property {@value #MARKERS} true, each point logs a {@code stage: <name>} line to
 * stderr, so a test driving the job as a child process can wait for it; if the system property {@value #PROPERTY}
 * names the point, the JVM halts at once with exit code 137 — like {@code kill -9}: no shutdown hooks, no finally blocks, no flushing of Spark or Delta state.
 */
public final class CrashPoint {
    public static final String PROPERTY = "disclosurelake.crashAt";
    public static final String MARKERS = "disclosurelake.stageMarkers";
    /**
     * With this system property naming a point, the job waits there until the file named by {@value #RESUME}
     * exists: a test changes the world at a known moment of the night (a file deleted after the listing).
     */
    public static final String PAUSE = "disclosurelake.pauseAt";
    public static final String RESUME = "disclosurelake.resumeWhen";

    private CrashPoint() {}

    public static void reach(String name) {
        if (Boolean.getBoolean(MARKERS)) {
            System.err.println("stage: " + name);
            System.err.flush();
        }
        if (name.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(137);
        }
        if (name.equals(System.getProperty(PAUSE))) awaitResume(name);
    }

    /** Waits (at most 10 minutes) until the file named by {@value #RESUME} exists. */
    private static void awaitResume(String name) {
        java.nio.file.Path go = java.nio.file.Path.of(System.getProperty(RESUME, "resume-" + name));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (!java.nio.file.Files.exists(go) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
