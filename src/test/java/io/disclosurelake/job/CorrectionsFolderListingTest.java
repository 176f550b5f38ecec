package io.disclosurelake.job;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Filled review sheets dropped into the input's corrections/ folder are not reports (docs/review.md). */
class CorrectionsFolderListingTest {
    @Test
    void theTopLevelCorrectionsFolderIsNotListed(@TempDir Path input) throws Exception {
        Files.writeString(input.resolve("a.txt"), "report");
        Files.createDirectories(input.resolve("corrections"));
        Files.writeString(input.resolve("corrections/review-2024.csv"), "report_id,corrected_value\n");
        Files.createDirectories(input.resolve("2024/corrections"));
        Files.writeString(input.resolve("2024/corrections/b.txt"), "a report in a folder of that name, deeper down");
        InputListing.Result r = InputListing.list(input.toString(), new Configuration());
        assertEquals(List.of("2024/corrections/b.txt", "a.txt"), r.files().stream().map(InputListing.ListedFile::path).toList());
        assertEquals(List.of(), r.problems());
    }
}
