package io.disclosurelake.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The hostile-file battery, built once per test JVM (≈20 s, mostly LibreOffice) and shared by every test class
 * of this package. Lives in a temporary directory removed when the JVM exits.
 */
final class Battery {
    final Path root;
    /** The input directory: every file of the battery, good and hostile, plus the link loop. */
    final Path input;
    final HostileFiles.Canaries canaries;
    final DtdCanary dtdCanary;
    final List<HostileFiles.Entry> entries;

    private static Battery shared;

    private Battery() throws IOException {
        root = Files.createTempDirectory("dl-hostile");
        input = Files.createDirectories(root.resolve("input"));
        dtdCanary = DtdCanary.start();
        canaries = HostileFiles.canaries(root, dtdCanary.port());
        entries = HostileFiles.write(input, canaries);
    }

    static synchronized Battery get() {
        if (shared == null) {
            try {
                shared = new Battery();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Battery b = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                b.dtdCanary.close();
                TempDirs.delete(b.root);
            }));
        }
        return shared;
    }

    List<HostileFiles.Entry> good() { return entries.stream().filter(HostileFiles.Entry::good).toList(); }

    HostileFiles.Entry entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no battery entry " + name));
    }
}
