package io.disclosurelake.generate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Rewrites an OOXML zip with fixed entry times so the same seed gives the same bytes. */
final class ZipNormalizer {
    private ZipNormalizer() {}

    static final long FIXED_TIME = 1_577_836_800_000L; // 2020-01-01T00:00:00Z

    static byte[] normalize(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry n = new ZipEntry(e.getName());
                n.setTime(FIXED_TIME);
                z.putNextEntry(n);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
