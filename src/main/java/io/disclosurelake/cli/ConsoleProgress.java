package io.disclosurelake.cli;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import io.disclosurelake.job.NightlyJob;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Progress of the night on stderr, from Spark's own task events: for every stage of some size (the extraction's
 * mapPartitions, the wide writes) tasks done / total, rate and an estimate of the time left. On a terminal one
 * line is refreshed in place; in a log (stderr not a terminal, or {@code DL_PROGRESS=plain}) a plain line at most
 * every 10 s and one when the stage ends (a stage under 5 s prints nothing, except the extraction). The extraction counts documents: the night names it in the job
 * description ({@link NightlyJob#EXTRACTING} and the number of documents), and each finished task adds the
 * documents it read from the shuffle. Other stages count tasks. {@code DL_PROGRESS=off} turns it off.
 */
final class ConsoleProgress extends SparkListener {
    /** Stages with fewer tasks (Delta's log reads, one-task commits) are not worth a line. */
    private static final int MIN_TASKS = 4;

    /** {@code documents} is the extraction's total (0 for another stage, which counts tasks). */
    private record Stage(String name, int tasks, long documents, long startNanos, long[] done, long[] lastPrint) {
        long total() { return documents > 0 ? documents : tasks; }
        String unit() { return documents > 0 ? "documents" : "tasks"; }
    }

    private final PrintStream err;
    private final boolean terminal;
    private final Map<Integer, Stage> stages = new ConcurrentHashMap<>();

    ConsoleProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** For this process: null when turned off. */
    static ConsoleProgress forConsole() {
        String mode = System.getenv().getOrDefault("DL_PROGRESS", "auto");
        if (mode.equals("off")) return null;
        return new ConsoleProgress(System.err, !mode.equals("plain") && System.console() != null);
    }

    @Override public void onStageSubmitted(SparkListenerStageSubmitted e) {
        int n = e.stageInfo().numTasks();
        String description = e.properties() == null ? null : e.properties().getProperty("spark.job.description");
        if (description != null && description.startsWith(NightlyJob.EXTRACTING) && e.stageInfo().parentIds().nonEmpty()) {
            long documents = Long.parseLong(description.substring(NightlyJob.EXTRACTING.length()).trim());
            stages.put(e.stageInfo().stageId(), new Stage("extracting", n, documents, System.nanoTime(), new long[1], new long[]{System.nanoTime()}));
            return;
        }
        if (n < MIN_TASKS) return;
        String name = e.stageInfo().name();
        int space = name.indexOf(" at ");
        String where = space < 0 ? name : name.substring(space + 4);
        String what = space < 0 ? "stage" : name.substring(0, space);
        stages.put(e.stageInfo().stageId(), new Stage(what + " at " + where, n, 0, System.nanoTime(), new long[1], new long[]{System.nanoTime()}));
    }

    @Override public void onTaskEnd(SparkListenerTaskEnd e) {
        Stage s = stages.get(e.stageId());
        if (s == null) return;
        synchronized (s) {
            s.done()[0] += s.documents() > 0 ? documentsRead(e) : 1;
            long now = System.nanoTime();
            long every = terminal ? 500_000_000L : 10_000_000_000L;
            if (now - s.lastPrint()[0] < every || s.done()[0] >= s.total()) return;
            s.lastPrint()[0] = now;
            print(s, now, false);
        }
    }

    @Override public void onStageCompleted(SparkListenerStageCompleted e) {
        Stage s = stages.remove(e.stageInfo().stageId());
        if (s == null) return;
        synchronized (s) {
            long now = System.nanoTime();
            if (!endsWithALine(terminal, s.documents() > 0, now - s.startNanos())) return;
            print(s, now, true);
        }
    }

    /**
     * A quick stage says nothing in a log (on a terminal its line is replaced by the next one); the extraction
     * always ends with one line, so a cron log shows how many documents the night read however fast it was.
     */
    static boolean endsWithALine(boolean terminal, boolean extraction, long elapsedNanos) {
        return terminal || extraction || elapsedNanos >= 5_000_000_000L;
    }

    private void print(Stage s, long now, boolean finished) {
        double secs = (now - s.startNanos()) / 1e9;
        long done = finished ? s.total() : Math.min(s.done()[0], s.total());
        double rate = secs > 0 ? done / secs : 0;
        String eta = finished ? String.format(Locale.ROOT, "done in %.0f s", secs)
                : rate > 0 ? String.format(Locale.ROOT, "ETA %.0f s", (s.total() - done) / rate) : "ETA ?";
        String line = String.format(Locale.ROOT, "progress: %s — %d/%d %s (%.0f%%), %.1f %s/s, %s",
                s.name(), done, s.total(), s.unit(), 100.0 * done / s.total(), rate, s.unit(), eta);
        synchronized (err) {
            if (terminal) {
                err.print("\r\u001b[2K" + line);
                if (finished) err.println();
            } else {
                err.println(line);
            }
            err.flush();
        }
    }

    /** The documents a task of the extraction read (its slice of the repartitioned candidates). */
    private static long documentsRead(SparkListenerTaskEnd e) {
        return e.taskMetrics() == null ? 0 : e.taskMetrics().shuffleReadMetrics().recordsRead();
    }
}
