package io.disclosurelake.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Files written whole or not at all (docs/job.md "Exports written whole"): the content goes to a temporary name
 * in the target's directory ({@code .NAME.partial-XXXX}) and is then moved onto the final name, atomically where
 * the file system can (a rename in one directory), else replacing it. A write cut short — full disk, I/O error,
 * a killed night — leaves the previous file (or none) under the final name and never a cut one.
 */
public final class AtomicFiles {
    static final String PARTIAL = ".partial-";

    private AtomicFiles() {}

    /** Writes the content of a file given the path to write it to. */
    @FunctionalInterface public interface Content { void write(Path file) throws IOException; }

    /** Writes {@code target} through a temporary file of the same directory; on failure removes the temporary file. */
    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: it makes the file owner-only, and an export keeps the usual permissions
        Path partial = dir.resolve("." + target.getFileName() + PARTIAL
                + Long.toHexString(ProcessHandle.current().pid()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
        boolean moved = false;
        try {
            content.write(partial);
            move(partial, target);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the first failure is the one to report; removeLeftovers tidies it next time
                }
            }
        }
    }

    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes temporary files a killed writer left in {@code dir}; returns how many. */
    public static int removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return 0;
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(".") && name.contains(PARTIAL);
        })) {
            for (Path p : s) if (Files.deleteIfExists(p)) n++;
        }
        return n;
    }
}
