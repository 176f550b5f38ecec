package io.disclosurelake.lake;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LakeLocationTest {
    @Test void aDirectoryBecomesAbsolute() {
        LakeLocation l = LakeLocation.parse("lake/../lake");
        Path expected = Path.of("lake").toAbsolutePath().normalize();
        assertEquals(new LakeLocation(expected.toString(), Optional.of(expected)), l);
    }

    @Test void theJobsFileUriIsTheDirectory() {
        assertEquals(new LakeLocation("/srv/lake", Optional.of(Path.of("/srv/lake"))), LakeLocation.parse("file:/srv/lake"));
        assertEquals(new LakeLocation("/srv/lake", Optional.of(Path.of("/srv/lake"))), LakeLocation.parse("file:///srv/lake/"));
    }

    @Test void remoteStoresPassAsWritten() {
        assertEquals(new LakeLocation("s3a://bucket/lake", Optional.empty()), LakeLocation.parse("s3a://bucket/lake"));
        assertEquals(new LakeLocation("hdfs://nn:8020/lake", Optional.empty()), LakeLocation.parse("hdfs://nn:8020/lake"));
    }

    @Test void aRelativeFileUriIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LakeLocation.parse("file:lake"));
    }
}
