package io.disclosurelake.read;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Converts a test document with LibreOffice (a foreign producer); the test is skipped when soffice is missing. */
final class Soffice {
    private Soffice() {}

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(dir, "soffice").canExecute()) return true;
        }
        return false;
    }

    private static Path profile;

    /**
     * One LibreOffice profile for all test runs, kept in the build folder: creating it is most of a conversion's
     * time, and a folder under target/ goes with the build instead of being left in /tmp.
     */
    private static synchronized Path profile() throws Exception {
        if (profile == null) profile = Files.createDirectories(Path.of("target", "soffice-profile").toAbsolutePath());
        return profile;
    }

    static synchronized byte[] convert(byte[] input, String fromExt, String toFormat) throws Exception {
        assumeTrue(available(), "soffice is not installed");
        Path work = Files.createTempDirectory("readers-soffice-work");
        try {
            Path in = work.resolve("fixture." + fromExt);
            Files.write(in, input);
            Process p = new ProcessBuilder(List.of("soffice", "-env:UserInstallation=" + profile().toUri(), "--headless",
                    "--norestore", "--convert-to", toFormat, "--outdir", work.toString(), in.toString()))
                    .redirectErrorStream(true).redirectOutput(work.resolve("log.txt").toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                assumeTrue(false, "soffice timed out");
            }
            String ext = toFormat.contains(":") ? toFormat.substring(0, toFormat.indexOf(':')) : toFormat;
            Path out = work.resolve("fixture." + ext);
            assumeTrue(Files.exists(out), "soffice produced nothing: " + Files.readString(work.resolve("log.txt")));
            return Files.readAllBytes(out);
        } finally {
            io.disclosurelake.hardening.TempDirs.delete(work);
        }
    }
}
