package io.disclosurelake.hardening;

import io.disclosurelake.job.ExtractPartition;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A file whose name holds bytes that are not UTF-8 (a Windows site's zip unpacked on Linux) is listed by the
 * job with a URI that keeps the bytes (%C4%CF…); Hadoop's local file system decodes it to U+FFFD and finds no
 * such file, so a good report would be quarantined as corrupt. The job must open what it listed.
 */
class NonUtf8FileNameTest {
    @Test void theJobOpensAListedFileWhoseNameIsNotUtf8() throws Exception {
        Path dir = Files.createTempDirectory("dl-non-utf8");
        try {
            Path tmp = Files.writeString(dir.resolve("pending.txt"), "南关区 report bytes");
            Process p = new ProcessBuilder("sh", "-c", "mv \"$1\" \"$(printf 'gbk-\\304\\317\\271\\330-\\377.txt')\"", "sh", tmp.toString())
                    .directory(dir.toFile()).start();
            p.waitFor(20, TimeUnit.SECONDS);
            assertEquals(0, p.exitValue());
            Path file;
            try (var s = Files.list(dir)) {
                file = s.findFirst().orElseThrow();
            }
            String uri = file.toUri().toString();
            try (InputStream in = ExtractPartition.open(uri, new Configuration())) {
                assertArrayEquals(Files.readAllBytes(file), in.readAllBytes());
            }
        } finally {
            TempDirs.delete(dir);
        }
    }
}
