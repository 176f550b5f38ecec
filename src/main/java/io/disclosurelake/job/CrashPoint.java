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

    private CrashPoint() {}

    public static void reach(String name) {
        if (Boolean.getBoolean(MARKERS)) {
            System.err.println("stage: " + name);
            System.err.flush();
        }
        if (name.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(137);
        }
    }
}
