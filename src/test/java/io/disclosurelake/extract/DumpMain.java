package io.disclosurelake.extract;

import io.disclosurelake.json.ReportJson;
import java.nio.file.Files;
import java.nio.file.Path;

/** Manual aid: prints the canonical JSON of a file (not a test). */
final class DumpMain {
    public static void main(String[] a) throws Exception {
        System.out.println(ReportJson.toJson(new Extractor().extract(a[0], Files.readAllBytes(Path.of(a[0])))));
    }
}
