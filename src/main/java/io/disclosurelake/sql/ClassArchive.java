package io.disclosurelake.sql;

import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The class-data-sharing archive that short {@code sql} and {@code inspect} JVMs and resident SQL sessions start
 * from (measured: a cold one-table query 12.7 s → 5.3 s). A session started without one asks this class, after
 * its first answer, to write it in a separate low-priority JVM: a JVM that records what it loads for a later dump
 * starts about twice as slowly (24 s against 13 s), which the caller waiting for the first answer should not pay.
 * The archive is written beside its place and moved in whole, and only if the build on disk is still the one
 * that ran — an archive of another build's classes is refused by every JVM that tries it.
 */
public final class ClassArchive {
    private ClassArchive() {}

    /**
     * This JVM's java and options for a child JVM of the same build: without debugging, class-archive and
     * logging options (which belong to the parent's own run) and without the options of this program.
     */
    static List<String> javaLikeThisOne() {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-XX:SharedArchiveFile") && !a.startsWith("-XX:ArchiveClassesAtExit")
                    && !a.startsWith("-Xlog") && !a.startsWith("-Xshare")
                    && !a.startsWith("-agentlib:jdwp") && !a.startsWith("-Ddisclosurelake.sql.")) cmd.add(a);
        }
        // Dumps and archive mismatches log thousands of lines of "Skipping …": errors only.
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=error:stderr");
        return cmd;
    }

    /**
     * Starts, at low priority, a JVM that opens the lake as a sql call would and writes the classes it loaded
     * when it exits; once it has, moves the archive into place (only if the build on disk is still {@code build},
     * the one the caller runs).
     */
    static Training train(Path archive, String lakePath, String build) throws IOException {
        Path part = archive.resolveSibling(archive.getFileName() + ".part-" + ProcessHandle.current().pid());
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) cmd.addAll(List.of("/usr/bin/nice", "-n", "19"));
        cmd.addAll(javaLikeThisOne());
        // At exit the JVM links what it loaded and keeps all of it; a dump asked for while running (jcmd VM.cds)
        // skipped a third of the classes here and the archive saved less (a cold call 7.4 s instead of 5.3 s).
        cmd.add("-XX:ArchiveClassesAtExit=" + part);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ClassArchive.class.getName());
        cmd.add(lakePath);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return new Training(Optional.of(p), p.onExit().thenAccept(done -> {
            try {
                if (done.exitValue() == 0 && Files.isRegularFile(part) && ResidentSqlClient.buildFingerprint().equals(build)) {
                    Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    System.err.printf("class archive %s written in %d s%n", archive, (System.nanoTime() - t0) / 1_000_000_000);
                } else {
                    System.err.println("class archive not kept (exit " + done.exitValue() + ", or the build changed meanwhile)");
                }
                Files.deleteIfExists(part);
            } catch (IOException e) {
                System.err.println("class archive " + archive + " not written: " + e);
            }
        }));
    }

    /** A training JVM under way: its process, and when its archive is in place (or given up). */
    record Training(Optional<Process> process, CompletableFuture<Void> written) {
        static final Training NONE = new Training(Optional.empty(), CompletableFuture.completedFuture(null));
    }

    /** {@code ClassArchive LAKE}: run by {@link #train}; its classes are archived when it exits. */
    public static void main(String[] args) {
        SqlShell.quietLogging();
        SparkSession spark = SqlShell.localSession("disclosure-lake class archive");
        PrintWriter none = new PrintWriter(OutputStream.nullOutputStream());
        // What calls do: register every table and view, read one, aggregate one.
        int status = new SqlRequest(args[0], "SELECT * FROM reports LIMIT 1; SELECT province, count(*) AS n FROM reports GROUP BY province",
                SqlShell.Format.TABLE, 10, true, false).execute(spark, none, none);
        System.exit(status);
    }
}
