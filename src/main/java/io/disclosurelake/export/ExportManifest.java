package io.disclosurelake.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the ranking step last wrote to an exports directory, so that "the exports are current" is checked against
 * the disk rather than assumed (docs/job.md "Exports written whole"): the Delta versions of the lake's tables the
 * exports were made from, and every file with its size and SHA-256 as read back from the disk. The ranking step
 * removes it before it writes, and writes it last (whole, through {@link AtomicFiles}): a night cut short leaves
 * none, so the next night writes the exports again.
 */
public final class ExportManifest {
    /** The manifest's name in the exports directory. */
    public static final String NAME = "exports-manifest.txt";

    private ExportManifest() {}

    /** Removes the manifest: the exports are being rewritten. */
    public static void invalidate(Path dir) throws IOException { Files.deleteIfExists(dir.resolve(NAME)); }

    /** Records {@code files} (in {@code dir}) as made from the tables at {@code versions}. */
    public static void write(Path dir, Map<String, Long> versions, Collection<Path> files) throws IOException {
        StringBuilder b = new StringBuilder("# disclosure-lake exports, written whole; checked by the next night (docs/job.md)\n");
        new TreeMap<>(versions).forEach((t, v) -> b.append("version ").append(t).append(' ').append(v).append('\n'));
        TreeMap<String, Path> sorted = new TreeMap<>();
        for (Path f : files) sorted.put(f.getFileName().toString(), f);
        for (Map.Entry<String, Path> e : sorted.entrySet()) {
            b.append("file ").append(Files.size(e.getValue())).append(' ').append(sha256(e.getValue())).append(' ').append(e.getKey()).append('\n');
        }
        AtomicFiles.write(dir.resolve(NAME), f -> Files.writeString(f, b, StandardCharsets.UTF_8));
    }

    /**
     * Null when {@code dir} holds whole exports of the tables at {@code versions}: the manifest exists, names these
     * versions, and every file it lists is on disk with its size and SHA-256. Otherwise why not (one phrase).
     */
    public static String stale(Path dir, Map<String, Long> versions) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve(NAME), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "no " + NAME + " in " + dir + " (the exports were not written whole)";
        }
        Map<String, Long> recorded = new LinkedHashMap<>();
        List<String[]> files = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("version ")) {
                String[] p = l.split(" ", 3);
                recorded.put(p[1], Long.parseLong(p[2]));
            } else if (l.startsWith("file ")) {
                files.add(l.split(" ", 4));
            }
        }
        for (Map.Entry<String, Long> e : versions.entrySet()) {
            if (!e.getValue().equals(recorded.get(e.getKey()))) {
                return "table " + e.getKey() + " is at version " + e.getValue() + ", the exports were made from " + recorded.get(e.getKey());
            }
        }
        if (files.isEmpty()) return NAME + " lists no file";
        for (String[] f : files) {
            Path p = dir.resolve(f[3]);
            if (!Files.isRegularFile(p)) return f[3] + " is missing";
            long size = Files.size(p);
            if (size != Long.parseLong(f[1])) return f[3] + " has " + size + " bytes, " + f[1] + " were written";
            if (!sha256(p).equals(f[2])) return f[3] + " differs from the file written";
        }
        return null;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
