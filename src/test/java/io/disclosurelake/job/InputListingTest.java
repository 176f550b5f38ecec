package io.disclosurelake.job;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paths kept exactly (one key per file whatever its name) and links leading outside the input, on a real disk. */
class InputListingTest {
    private Path base;
    private Path input;
    private Path outside;

    @BeforeEach void dirs() throws IOException {
        base = Files.createTempDirectory("dl-listing");
        input = Files.createDirectories(base.resolve("input"));
        outside = Files.createDirectories(base.resolve("elsewhere"));
    }

    @AfterEach void clean() throws IOException {
        try (Stream<Path> s = Files.walk(base)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Creates a file whose name is given as printf bytes (Java cannot spell a name that is not UTF-8). */
    private void rawName(String printfName, String content) throws Exception {
        Path tmp = Files.writeString(input.resolve("pending.tmp"), content);
        Process p = new ProcessBuilder("sh", "-c", "mv \"$1\" \"$(printf '" + printfName + "')\"", "sh", tmp.toString())
                .directory(input.toFile()).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }

    private Map<String, InputListing.ListedFile> byPath(InputListing.Result r) {
        return r.files().stream().collect(Collectors.toMap(InputListing.ListedFile::path, f -> f));
    }

    private static String read(InputListing.ListedFile f) throws IOException {
        try (InputStream in = ExtractPartition.open(f.uri(), new Configuration())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test void namesThatDifferOnlyInUndecodableBytesKeepTwoKeys() throws Exception {
        rawName("gbk-\\304\\317\\271\\330-\\377.txt", "one");
        rawName("gbk-\\304\\317\\271\\330-\\376.txt", "two");
        rawName("gbk-\\304\\317-50%%.txt", "percent in a bad name");
        Files.writeString(input.resolve("南关区 50%.txt"), "utf-8 name with a percent");
        Files.writeString(input.resolve("gbk-%C4%CF-50%25.txt"), "valid name spelling the escaped form");

        InputListing.Result r = InputListing.list(input.toString(), new Configuration());
        Map<String, InputListing.ListedFile> files = byPath(r);
        assertEquals(5, r.files().size() + r.problems().size(), r.toString());
        assertTrue(files.containsKey("南关区 50%.txt"), files.keySet().toString());
        // C4 is no UTF-8 lead here, CF B9 is (U+03F9), D8 and FF are not: only the undecodable bytes are escaped
        assertEquals("one", read(files.get("gbk-%C4Ϲ%D8-%FF.txt")));
        assertEquals("two", read(files.get("gbk-%C4Ϲ%D8-%FE.txt")));
        assertEquals("utf-8 name with a percent", read(files.get("南关区 50%.txt")));
        // a bad name's own % is escaped; the valid name that spells that form literally is not merged with it
        assertTrue(files.containsKey("gbk-%C4%CF-50%25.txt"), files.keySet().toString());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals("unsafe", r.problems().get(0).reason());
        for (InputListing.ListedFile f : r.files()) assertTrue(f.path().chars().noneMatch(c -> c == 0xFFFD), f.path());
    }

    @Test void backslashesAndATrailingBackslashAreKeptExactly() throws Exception {
        Files.writeString(input.resolve("a\\b.txt"), "backslash");
        Files.writeString(input.resolve("trail\\"), "trailing");
        Files.createDirectories(input.resolve("sub dir"));
        Files.writeString(input.resolve("sub dir/x\\.txt"), "nested");

        Map<String, InputListing.ListedFile> files = byPath(InputListing.list(input.toString(), new Configuration()));
        assertEquals(List.of("a\\b.txt", "sub dir/x\\.txt", "trail\\"), files.keySet().stream().sorted().toList());
        assertEquals("backslash", read(files.get("a\\b.txt")));
        assertEquals("trailing", read(files.get("trail\\")));
        assertEquals("nested", read(files.get("sub dir/x\\.txt")));
    }

    @Test void linksLeadingOutsideAreReportedNotFollowedUnlessAllowed() throws Exception {
        Files.writeString(outside.resolve("secret.txt"), "not ours");
        Files.createDirectories(outside.resolve("more"));
        Files.writeString(outside.resolve("more/other.txt"), "not ours either");
        Files.writeString(input.resolve("report.txt"), "ours");
        Files.createSymbolicLink(input.resolve("to-secret.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(input.resolve("to-more"), outside.resolve("more"));
        Files.createSymbolicLink(input.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(input.resolve("alias.txt"), Path.of("report.txt")); // inside: followed

        InputListing.Result r = InputListing.list(input.toString(), new Configuration());
        assertEquals(List.of("alias.txt", "report.txt"), r.files().stream().map(InputListing.ListedFile::path).toList());
        assertEquals(List.of("passwd", "to-more", "to-secret.txt"), r.problems().stream().map(InputListing.Problem::path).toList());
        for (InputListing.Problem p : r.problems()) {
            assertEquals("unsafe", p.reason());
            assertTrue(p.message().contains("outside the input") && p.message().contains("input.follow_links_outside"), p.message());
        }
        assertEquals("ours", read(byPath(r).get("alias.txt")));

        InputListing.Result allowed = InputListing.list(input.toString(), new Configuration(), true);
        assertEquals(List.of("alias.txt", "passwd", "report.txt", "to-more/other.txt", "to-secret.txt"),
                allowed.files().stream().map(InputListing.ListedFile::path).toList());
        assertTrue(allowed.problems().isEmpty(), allowed.problems().toString());
    }

    @Test void anInputThatIsItselfALinkIsListedThroughIt() throws Exception {
        Files.writeString(outside.resolve("r.txt"), "via a linked input");
        Path linkedInput = Files.createSymbolicLink(base.resolve("linked-input"), outside);
        InputListing.Result r = InputListing.list(linkedInput.toString(), new Configuration());
        assertEquals(List.of("r.txt"), r.files().stream().map(InputListing.ListedFile::path).toList());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
    }
}
