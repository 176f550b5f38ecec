package io.disclosurelake.generate;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice conversions (DOCX → PDF, DOC, HTML) in batches: one soffice process per batch with a private
 * profile, because starting soffice costs about a second.
 */
public final class SofficeConverter {
    private final String executable;

    private SofficeConverter(String executable) { this.executable = executable; }

    /** The converter if soffice (or libreoffice) is on the PATH, else null. */
    public static SofficeConverter find() {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator))
            for (String name : List.of("soffice", "libreoffice"))
                if (new File(dir, name).canExecute()) return new SofficeConverter(new File(dir, name).getPath());
        return null;
    }

    /**
     * Converts every input to {@code target} ("pdf", "doc", "html") into outDir; returns the files produced,
     * in the inputs' order (null where a conversion failed).
     */
    public List<Path> convert(List<Path> inputs, String target, Path outDir) throws IOException, InterruptedException {
        List<Path> result = new ArrayList<>();
        if (inputs.isEmpty()) return result;
        Path profile = Files.createTempDirectory("dl-soffice-profile");
        try {
            Files.createDirectories(outDir);
            String filter = switch (target) {
                case "doc" -> "doc:MS Word 97";
                case "html" -> "html:HTML (StarWriter)";
                default -> "pdf:writer_pdf_Export";
            };
            List<String> cmd = new ArrayList<>(List.of(executable, "-env:UserInstallation=" + profile.toUri(),
                    "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir.toString()));
            for (Path p : inputs) cmd.add(p.toString());
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!proc.waitFor(30L + 3L * inputs.size(), TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new IOException("soffice timed out");
            }
            for (Path p : inputs) {
                String base = p.getFileName().toString().replaceAll("\\.[^.]+$", "");
                Path out = outDir.resolve(base + "." + target);
                result.add(Files.isRegularFile(out) ? out : null);
            }
            return result;
        } finally {
            try (var s = Files.walk(profile)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
