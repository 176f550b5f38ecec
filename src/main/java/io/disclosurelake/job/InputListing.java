package io.disclosurelake.job;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists the input directory on the driver: paths, sizes and modification times only — never content. Local
 * directories are walked with java.nio (symlinks inside the input followed, loops and unreadable entries
 * reported, not skipped silently); any other Hadoop file system (hdfs:, s3a:) through its FileSystem API.
 *
 * <p>Paths are kept exactly, one key per file (docs/job.md "Input paths"): a name that is valid UTF-8 is kept as
 * it is (backslashes, a trailing backslash, spaces, {@code %} included); a name holding bytes that are not UTF-8
 * is shown with each such byte as {@code %XX} and each {@code %} as {@code %25}, so two names that differ only
 * in undecodable bytes keep two keys. A symbolic link that leads outside the input is not followed unless
 * {@code input.follow_links_outside=true}: it is reported as a problem ({@code unsafe}), never read.
 */
public final class InputListing {
    /** A file to consider: path relative to the input, an absolute URI to read it, size and modification time. */
    public record ListedFile(String path, String uri, long size, Long modifiedAt) {}

    /** An entry that could not be listed (symlink loop, permission denied, broken link). */
    public record Problem(String path, String reason, String message) {}

    public record Result(List<ListedFile> files, List<Problem> problems) {}

    private InputListing() {}

    /** Lists without following links that lead outside the input (the default of input.follow_links_outside). */
    public static Result list(String input, Configuration conf) throws IOException {
        return list(input, conf, false);
    }

    public static Result list(String input, Configuration conf, boolean followLinksOutside) throws IOException {
        Path root = new Path(input);
        FileSystem fs = root.getFileSystem(conf);
        Path qualified = fs.makeQualified(root);
        if (!fs.exists(qualified)) throw new IOException("input directory does not exist: " + input);
        if ("file".equals(qualified.toUri().getScheme()))
            return listLocal(java.nio.file.Path.of(qualified.toUri()), followLinksOutside);
        List<ListedFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        listHadoop(fs, qualified, qualified.toUri().getPath(), files, problems);
        files.sort(java.util.Comparator.comparing(ListedFile::path));
        return new Result(files, problems);
    }

    private static void listHadoop(FileSystem fs, Path dir, String rootPath, List<ListedFile> files, List<Problem> problems) {
        FileStatus[] entries;
        try {
            entries = fs.listStatus(dir);
        } catch (IOException e) {
            problems.add(new Problem(relative(rootPath, dir.toUri().getPath()), "corrupt", "cannot list: " + e.getMessage()));
            return;
        }
        for (FileStatus st : entries) {
            if (st.isDirectory()) {
                // filled review sheets, not reports (docs/review.md): the corrections step reads them
                boolean corrections = st.getPath().getName().equals(CorrectionsPostRunStep.FOLDER)
                        && relative(rootPath, st.getPath().toUri().getPath()).equals(CorrectionsPostRunStep.FOLDER);
                if (!corrections) listHadoop(fs, st.getPath(), rootPath, files, problems);
            }
            else if (!hidden(st.getPath().getName())) {
                files.add(new ListedFile(relative(rootPath, st.getPath().toUri().getPath()), st.getPath().toUri().toString(),
                        st.getLen(), st.getModificationTime()));
            }
        }
    }

    static Result listLocal(java.nio.file.Path root, boolean followLinksOutside) throws IOException {
        List<ListedFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        java.nio.file.Path realRoot = root.toRealPath();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(java.nio.file.Path d, BasicFileAttributes a) {
                if (d.equals(root)) return FileVisitResult.CONTINUE;
                if (hidden(d.getFileName().toString())) return FileVisitResult.SKIP_SUBTREE;
                // filled review sheets, not reports (docs/review.md): the corrections step reads them
                if (d.getParent().equals(root) && d.getFileName().toString().equals(CorrectionsPostRunStep.FOLDER)) return FileVisitResult.SKIP_SUBTREE;
                return refusedLink(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            /** A symbolic link whose target is outside the input, when such links are not to be followed: reported. */
            private boolean refusedLink(java.nio.file.Path f) {
                if (followLinksOutside || !Files.isSymbolicLink(f)) return false;
                java.nio.file.Path target;
                try {
                    target = f.toRealPath();
                } catch (IOException e) {
                    return false; // broken or looping: the walk reports it
                }
                if (target.startsWith(realRoot)) return false;
                problems.add(new Problem(rel(root, f), "unsafe", "symbolic link leading outside the input directory (to "
                        + target + "), not followed; set input.follow_links_outside=true to read it"));
                return true;
            }

            @Override public FileVisitResult visitFile(java.nio.file.Path f, BasicFileAttributes a) {
                if (hidden(f.getFileName().toString())) return FileVisitResult.CONTINUE;
                if (refusedLink(f)) return FileVisitResult.CONTINUE;
                if (!a.isRegularFile()) {
                    problems.add(new Problem(rel(root, f), "unsupported_format", "not a regular file (device, socket or pipe)"));
                } else if (!Files.isReadable(f)) {
                    problems.add(new Problem(rel(root, f), "corrupt", "cannot read the file: permission denied"));
                } else {
                    files.add(new ListedFile(rel(root, f), f.toUri().toString(), a.size(), a.lastModifiedTime().toMillis()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFileFailed(java.nio.file.Path f, IOException e) {
                String why = e instanceof FileSystemLoopException ? "symbolic link loop"
                        : java.nio.file.Files.isSymbolicLink(f) ? "broken symbolic link" : "cannot read: " + e;
                problems.add(new Problem(rel(root, f), e instanceof FileSystemLoopException ? "unsafe" : "corrupt", why));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(java.util.Comparator.comparing(ListedFile::path).thenComparing(ListedFile::uri));
        // Only a name with undecodable bytes can print like another (valid) name holding %XX text: never two rows
        // under one key — the second is reported, not merged.
        List<ListedFile> unique = new ArrayList<>(files.size());
        for (ListedFile f : files) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).path().equals(f.path()))
                problems.add(new Problem(f.path(), "unsafe", "file name prints like another file's (" + f.uri() + "); rename it"));
            else unique.add(f);
        }
        problems.sort(java.util.Comparator.comparing(Problem::path));
        return new Result(unique, problems);
    }

    /**
     * The path of {@code f} under {@code root}, from the bytes of its name (the file: URI keeps them as %XX):
     * valid UTF-8 as it is; otherwise undecodable bytes and {@code %} itself as {@code %XX} (see the class note).
     */
    public static String rel(java.nio.file.Path root, java.nio.file.Path f) {
        byte[] all = rawBytes(f.toUri().getRawPath());
        byte[] base = rawBytes(root.toUri().getRawPath());
        int from = base.length;
        if (from > 0 && base[from - 1] != '/') from++; // root without its trailing slash
        if (from > all.length) return "";
        byte[] r = java.util.Arrays.copyOfRange(all, from, all.length);
        if (r.length > 0 && r[r.length - 1] == '/') r = java.util.Arrays.copyOf(r, r.length - 1); // a directory
        return printable(r);
    }

    /** Decodes a URI's raw path to the bytes it encodes (every %XX one byte). */
    private static byte[] rawBytes(String rawPath) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(rawPath.length());
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length()) {
                out.write(Integer.parseInt(rawPath.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    /** Bytes of a name → its printable, lossless form (valid UTF-8 unchanged). */
    static String printable(byte[] name) {
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            return strict.decode(java.nio.ByteBuffer.wrap(name)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < name.length) {
                int n = utf8Length(name, i);
                if (n == 1 && name[i] == '%') sb.append("%25");
                else if (n > 0) sb.append(new String(name, i, n, StandardCharsets.UTF_8));
                else { sb.append('%').append(String.format("%02X", name[i] & 0xff)); n = 1; }
                i += n;
            }
            return sb.toString();
        }
    }

    /** Length of the well-formed UTF-8 sequence at {@code i}, or 0 if the byte there starts none. */
    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        int n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
        if (n <= 1 || i + n > b.length) return n == 1 ? 1 : 0;
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            strict.decode(java.nio.ByteBuffer.wrap(b, i, n));
            return n;
        } catch (java.nio.charset.CharacterCodingException e) {
            return 0;
        }
    }

    /** Hidden files and directories (.git, .DS_Store, editors' temporaries) are not documents. */
    static boolean hidden(String name) { return name.startsWith(".") || name.startsWith("_"); }

    private static String relative(String root, String p) {
        String r = p.startsWith(root) ? p.substring(root.length()) : p;
        return r.startsWith("/") ? r.substring(1) : r;
    }

    /**
     * Reads a manifest CSV: a header with {@code path} (relative to the input, or to a {@code docs/} folder
     * in it) and optionally {@code first_seen} (ISO instant or date). Returns path → first-seen millis.
     */
    public static Map<String, Long> readManifest(String manifest, Configuration conf) throws IOException {
        Map<String, Long> out = new HashMap<>();
        Path p = new Path(manifest);
        try (Reader r = new InputStreamReader(p.getFileSystem(conf).open(p), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                if (!rec.isMapped("path")) throw new IOException("manifest " + manifest + " has no path column");
                String time = null;
                for (String col : List.of("first_seen", "published_at", "published")) {
                    if (rec.isMapped(col) && !rec.get(col).isBlank()) { time = rec.get(col).trim(); break; }
                }
                if (time != null) out.put(rec.get("path"), parseTime(time));
            }
        }
        return out;
    }

    static long parseTime(String s) {
        if (s.length() == 10) return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        return Instant.parse(s.endsWith("Z") || s.contains("+") ? s : s + "Z").toEpochMilli();
    }
}
