package io.disclosurelake.export;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a local HTML file in headless Chromium (Debian {@code chromium}): a screenshot, or the DOM. */
final class HeadlessChromium {
    private HeadlessChromium() {}

    static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                File f = new File(dir, name);
                if (f.canExecute()) return f.getAbsolutePath();
            }
        }
        return null;
    }

    static String dumpDom(Path html) throws IOException, InterruptedException {
        return run(html, "--dump-dom");
    }

    static void screenshot(Path html, Path png) throws IOException, InterruptedException {
        run(html, "--screenshot=" + png.toAbsolutePath(), "--window-size=1400,2400");
    }

    /** Prints the page as Chromium's print dialog would (the page's own @page size), without header and footer. */
    static void printToPdf(Path html, Path pdf) throws IOException, InterruptedException {
        run(html, "--print-to-pdf=" + pdf.toAbsolutePath(), "--no-pdf-header-footer");
    }

    /** Text of one page of a PDF, laid out (poppler's pdftotext); null when poppler-utils is missing. */
    static String pdfPageText(Path pdf, int page) throws IOException, InterruptedException {
        return tool("pdftotext", "-layout", "-f", Integer.toString(page), "-l", Integer.toString(page), pdf.toAbsolutePath().toString(), "-");
    }

    /** pdfinfo's report (pages, page size). */
    static String pdfInfo(Path pdf) throws IOException, InterruptedException {
        return tool("pdfinfo", pdf.toAbsolutePath().toString());
    }

    /** One page rendered as PNG (poppler's pdftoppm), for a person to look at. */
    static void pdfPagePng(Path pdf, int page, Path pngStem) throws IOException, InterruptedException {
        tool("pdftoppm", "-png", "-r", "60", "-singlefile", "-f", Integer.toString(page), "-l", Integer.toString(page),
                pdf.toAbsolutePath().toString(), pngStem.toAbsolutePath().toString());
    }

    static boolean hasPoppler() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (new File(dir, "pdftotext").canExecute()) return true;
        }
        return false;
    }

    private static String tool(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException(cmd[0] + " failed");
        return out;
    }

    private static String run(Path html, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath()));
        cmd.addAll(List.of(action));
        cmd.add(html.toAbsolutePath().toUri().toString());
        Path stdout = Files.createTempFile("chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 120 s");
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        Files.deleteIfExists(stdout);
        if (p.exitValue() != 0) throw new IOException("chromium exited with " + p.exitValue());
        return out;
    }
}
