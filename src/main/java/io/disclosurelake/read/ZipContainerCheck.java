package io.disclosurelake.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import io.disclosurelake.spec.QuarantineReason;

/**
 * Checks an OOXML container before POI opens it: inflates every entry once, counting real (not declared)
 * uncompressed bytes against the limit (zip bomb), and refuses XML parts that carry a DOCTYPE, since a
 * DTD is how external entities (XXE) and entity expansion get in. Also recognises a password-protected
 * OOXML file, which is an OLE2 container, not a zip.
 */
final class ZipContainerCheck {
    private ZipContainerCheck() {}

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTITY = "<!ENTITY".getBytes(StandardCharsets.US_ASCII);

    static void check(byte[] bytes, ReadLimits limits, String what) throws UnreadableDocumentException {
        if (bytes.length == 0) throw new UnreadableDocumentException(QuarantineReason.EMPTY, what + " file is empty");
        if (FormatSniffer.isEncryptedOffice(bytes)) {
            throw new UnreadableDocumentException(QuarantineReason.ENCRYPTED, what + " is password-protected (encrypted OOXML package)");
        }
        declaredSizes(bytes, limits, what);
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                entries++;
                if (entries > MAX_ENTRIES) throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, what + " has over " + MAX_ENTRIES + " zip entries");
                String name = e.getName().toLowerCase(Locale.ROOT);
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml");
                if (e.getSize() > limits.maxUncompressedBytes()) {
                    throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE,
                            what + " entry " + e.getName() + " declares " + e.getSize() + " uncompressed bytes");
                }
                // keep a small tail of the previous chunk so a marker split across two reads is still found
                byte[] carry = new byte[0];
                int n;
                while ((n = zin.read(buf)) > 0) {
                    total += n;
                    if (total > limits.maxUncompressedBytes()) {
                        throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE,
                                what + " inflates to over " + limits.maxUncompressedBytes() + " bytes (zip bomb?)");
                    }
                    if (xml) {
                        byte[] window = new byte[carry.length + n];
                        System.arraycopy(carry, 0, window, 0, carry.length);
                        System.arraycopy(buf, 0, window, carry.length, n);
                        if (indexOfIgnoreCase(window, DOCTYPE) >= 0 || indexOfIgnoreCase(window, ENTITY) >= 0) {
                            throw new UnreadableDocumentException(QuarantineReason.UNSAFE,
                                    what + " part " + e.getName() + " declares a DOCTYPE/entity (refused: external entities are never resolved)");
                        }
                        int keep = Math.min(window.length, DOCTYPE.length);
                        carry = java.util.Arrays.copyOfRange(window, window.length - keep, window.length);
                    }
                }
                if (limits.pastDeadline()) throw new UnreadableDocumentException(QuarantineReason.TIMEOUT, what + " read past deadline");
            }
        } catch (ZipException ex) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, what + " is not a readable zip: " + ex.getMessage(), ex);
        } catch (IOException ex) {
            throw new UnreadableDocumentException(QuarantineReason.CORRUPT, what + " zip is damaged: " + ex.getMessage(), ex);
        }
        if (entries == 0) throw new UnreadableDocumentException(QuarantineReason.CORRUPT, what + " zip has no entries");
    }

    /** More zip entries than this: refused (an office file has dozens). */
    static final int MAX_ENTRIES = 10_000;

    /** A central directory larger than this is not read whole up front (an office file's is a few KB). */
    static final int MAX_DIRECTORY_BYTES = 1 << 20;

    /**
     * The sizes the central directory declares (commons-compress reads it from memory): a bomb that declares its
     * size (most do; the local headers of a streamed zip carry none) is refused without inflating hundreds of MB.
     * commons-compress holds the whole directory in memory, so it is read only when the end record announces at
     * most {@link #MAX_ENTRIES} entries in at most {@link #MAX_DIRECTORY_BYTES} (a file of a million tiny entries
     * would otherwise fill the heap first). A directory that is larger, cannot be read, or understates is left to
     * the inflating count.
     */
    private static void declaredSizes(byte[] bytes, ReadLimits limits, String what) throws UnreadableDocumentException {
        if (!smallDirectory(bytes)) return;
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes)).get()) {
            long declared = 0;
            for (var e = zip.getEntries(); e.hasMoreElements(); ) {
                var entry = e.nextElement();
                // saturating: a ZIP64 size near 2^63 must not wrap round
                if (entry.getSize() > 0) declared = entry.getSize() > Long.MAX_VALUE - declared ? Long.MAX_VALUE : declared + entry.getSize();
                if (declared > limits.maxUncompressedBytes()) {
                    throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, what + " declares " + declared
                            + " uncompressed bytes (entry " + entry.getName() + "), over " + limits.maxUncompressedBytes() + " (zip bomb?)");
                }
            }
        } catch (IOException | RuntimeException unreadableDirectory) {
            // damaged or unusual: the inflating check below gives the verdict
        }
    }

    /**
     * Whether the end-of-central-directory record (the last "PK 5 6" within 64 KB of the end) announces at most
     * {@link #MAX_ENTRIES} entries in at most {@link #MAX_DIRECTORY_BYTES}; false without one, or for ZIP64 (its
     * counts live elsewhere: left to the inflating check).
     */
    static boolean smallDirectory(byte[] b) {
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xFFFF); i--) {
            if (b[i] != 'P' || b[i + 1] != 'K' || b[i + 2] != 5 || b[i + 3] != 6) continue;
            int entries = (b[i + 10] & 0xFF) | (b[i + 11] & 0xFF) << 8;
            long size = (b[i + 12] & 0xFFL) | (b[i + 13] & 0xFFL) << 8 | (b[i + 14] & 0xFFL) << 16 | (b[i + 15] & 0xFFL) << 24;
            return entries != 0xFFFF && entries <= MAX_ENTRIES && size != 0xFFFFFFFFL && size <= MAX_DIRECTORY_BYTES;
        }
        return false;
    }

    static int indexOfIgnoreCase(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                int a = hay[i + j];
                if (a >= 'a' && a <= 'z') a -= 32;
                if (a != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
