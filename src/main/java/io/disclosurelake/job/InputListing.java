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
 * directories are walked with java.nio (symlinks followed, loops and unreadable entries reported, not skipped
 * silently); any other Hadoop file system (hdfs:, s3a:) through its FileSystem API.
 */
public final class InputListing {
    /** A file to consider: path relative to the input, an absolute URI to read it, size and modification time. */
    public record ListedFile(String path, String uri, long size, Long modifiedAt) {}

    /** An entry that could not be listed (symlink loop, permission denied, broken link). */
    public record Problem(String path, String reason, String message) {}

    public record Result(List<ListedFile> files, List<Problem> problems) {}

    private InputListing() {}

    public static Result list(String input, Configuration conf) throws IOException {
        Path root = new Path(input);
        FileSystem fs = root.getFileSystem(conf);
        Path qualified = fs.makeQualified(root);
        if (!fs.exists(qualified)) throw new IOException("input directory does not exist: " + input);
        if ("file".equals(qualified.toUri().getScheme())) return listLocal(java.nio.file.Path.of(qualified.toUri()));
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
            if (st.isDirectory()) listHadoop(fs, st.getPath(), rootPath, files, problems);
            else if (!hidden(st.getPath().getName())) {
                files.add(new ListedFile(relative(rootPath, st.getPath().toUri().getPath()), st.getPath().toUri().toString(),
                        st.getLen(), st.getModificationTime()));
            }
        }
    }

    private static Result listLocal(java.nio.file.Path root) throws IOException {
        List<ListedFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(java.nio.file.Path d, BasicFileAttributes a) {
                return !d.equals(root) && hidden(d.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override public FileVisitResult visitFile(java.nio.file.Path f, BasicFileAttributes a) {
                if (hidden(f.getFileName().toString())) return FileVisitResult.CONTINUE;
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
        files.sort(java.util.Comparator.comparing(ListedFile::path));
        problems.sort(java.util.Comparator.comparing(Problem::path));
        return new Result(files, problems);
    }

    /** Hidden files and directories (.git, .DS_Store, editors' temporaries) are not documents. */
    static boolean hidden(String name) { return name.startsWith(".") || name.startsWith("_"); }

    private static String rel(java.nio.file.Path root, java.nio.file.Path f) {
        return root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
    }

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
