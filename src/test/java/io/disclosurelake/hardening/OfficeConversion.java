package io.disclosurelake.hardening;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Converts documents with LibreOffice ({@code soffice --headless --convert-to}), the way many sites make their
 * PDFs and DOCs from a Word file. One soffice start converts a whole batch (≈1 s a file); a private profile
 * keeps parallel runs apart.
 */
final class OfficeConversion {
    private OfficeConversion() {}

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "soffice"))) return true;
        }
        return false;
    }

    /**
     * Converts each named input ({@code name.ext} → bytes) to {@code target} (pdf, doc, docx) and returns
     * {@code name} (without extension) → converted bytes.
     */
    static Map<String, byte[]> convert(Map<String, byte[]> inputs, String target) {
        try {
            Path work = Files.createTempDirectory("dl-office");
            try {
                Path in = Files.createDirectories(work.resolve("in"));
                Path out = Files.createDirectories(work.resolve("out"));
                List<String> cmd = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + work.resolve("profile").toUri(),
                        "--headless", "--norestore", "--convert-to", target, "--outdir", out.toString()));
                for (Map.Entry<String, byte[]> e : inputs.entrySet()) {
                    Path f = in.resolve(e.getKey());
                    Files.write(f, e.getValue());
                    cmd.add(f.toString());
                }
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(work.resolve("soffice.log").toFile()).start();
                if (!p.waitFor(180, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("soffice did not finish in 180 s");
                }
                Map<String, byte[]> result = new LinkedHashMap<>();
                for (String name : inputs.keySet()) {
                    String base = name.substring(0, name.lastIndexOf('.'));
                    Path f = out.resolve(base + "." + target);
                    if (!Files.exists(f)) {
                        throw new IllegalStateException("soffice did not convert " + name + ": " + Files.readString(work.resolve("soffice.log")));
                    }
                    result.put(base, Files.readAllBytes(f));
                }
                return result;
            } finally {
                TempDirs.delete(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
