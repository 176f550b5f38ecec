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
                if (entries > 10_000) throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, what + " has over 10000 zip entries");
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

    /**
     * The sizes the central directory declares (commons-compress reads it from memory): a bomb that declares its
     * size (most do; the local headers of a streamed zip carry none) is refused without inflating hundreds of MB.
     * A directory that cannot be read, or that understates, is left to the inflating count.
     */
    private static void declaredSizes(byte[] bytes, ReadLimits limits, String what) throws UnreadableDocumentException {
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes)).get()) {
            long declared = 0;
            for (var e = zip.getEntries(); e.hasMoreElements(); ) {
                var entry = e.nextElement();
                if (entry.getSize() > 0) declared += entry.getSize();
                if (declared > limits.maxUncompressedBytes()) {
                    throw new UnreadableDocumentException(QuarantineReason.TOO_LARGE, what + " declares " + declared
                            + " uncompressed bytes (entry " + entry.getName() + "), over " + limits.maxUncompressedBytes() + " (zip bomb?)");
                }
            }
        } catch (IOException | RuntimeException unreadableDirectory) {
            // damaged or unusual: the inflating check below gives the verdict
        }
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
