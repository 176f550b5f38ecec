package io.disclosurelake.hardening;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The battery is what it claims to be: each file really has its hostile property (else the other tests prove nothing). */
@Tag("slow") // builds the hostile battery with LibreOffice: the full lane (mvn verify)
class HostileFilesTest {
    static Battery battery;

    @BeforeAll static void build() {
        assumeTrue(OfficeConversion.available(), "LibreOffice (soffice) is needed to build the battery; bin/test installs it");
        battery = Battery.get();
    }

    private static byte[] bytes(String name) throws IOException {
        return Files.readAllBytes(battery.entry(name).file());
    }

    @Test void userPasswordPdfDoesNotOpenWithoutIt() throws IOException {
        byte[] b = bytes("pdf-user-password.pdf");
        assertThrows(InvalidPasswordException.class, () -> Loader.loadPDF(b).close());
        try (PDDocument d = Loader.loadPDF(b, HostileFiles.USER_PASSWORD)) {
            assertTrue(d.getNumberOfPages() > 0);
        }
    }

    @Test void ownerPasswordPdfIsEncryptedButOpens() throws IOException {
        try (PDDocument d = Loader.loadPDF(bytes("pdf-owner-password-only.pdf"))) {
            assertTrue(d.isEncrypted());
            assertFalse(d.getCurrentAccessPermission().canExtractContent());
        }
    }

    @Test void brokenXrefPointsNowhereButIsRecoverable() throws IOException {
        byte[] b = bytes("pdf-broken-xref.pdf");
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int startxref = s.lastIndexOf("startxref");
        long offset = Long.parseLong(s.substring(startxref + 9).trim().split("\\s+")[0]);
        assertTrue(offset >= b.length || !s.startsWith("xref", (int) offset), "startxref must point to a wrong place");
        try (PDDocument broken = Loader.loadPDF(b); PDDocument twin = Loader.loadPDF(battery.entry("pdf-broken-xref.pdf").twin())) {
            assertEquals(twin.getNumberOfPages(), broken.getNumberOfPages());
        }
    }

    @Test void truncatedPdfHasNoTrailer() throws IOException {
        byte[] b = bytes("pdf-truncated.pdf");
        assertFalse(new String(b, StandardCharsets.ISO_8859_1).contains("%%EOF"));
        assertThrows(IOException.class, () -> Loader.loadPDF(b).close());
    }

    @Test void limitBreakersAreSmallOnDiskAndHugeInside() throws IOException {
        try (PDDocument d = Loader.loadPDF(bytes("pdf-5000-pages.pdf"))) {
            assertEquals(HostileFiles.HUGE_PAGES, d.getNumberOfPages());
        }
        assertTrue(bytes("pdf-huge-image.pdf").length < 2_000_000);
        byte[] bomb = bytes("docx-zip-bomb.docx");
        assertTrue(bomb.length < 1_000_000, "bomb is small: " + bomb.length);
        long inflated = 0;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bomb))) {
            ZipEntry e;
            byte[] buf = new byte[1 << 16];
            while ((e = z.getNextEntry()) != null) for (int n; (n = z.read(buf)) > 0; ) inflated += n;
        }
        assertTrue(inflated > HostileFiles.ZIP_BOMB_BYTES, "inflates to " + inflated);
        assertTrue(bytes("html-50mb.html").length >= HostileFiles.BIG_HTML_BYTES - 100_000);
    }

    @Test void xxeDocxNamesTheCanaries() throws IOException {
        String local = documentXml(bytes("docx-xxe-local-file.docx"));
        assertTrue(local.contains("<!ENTITY xxe SYSTEM \"" + battery.canaries.secretFile().toUri()));
        assertTrue(documentXml(bytes("docx-xxe-remote-dtd.docx")).contains(battery.canaries.dtdUrl()));
        assertFalse(battery.canaries.secretFile().startsWith(battery.input), "the secret lies outside the input");
    }

    private static String documentXml(byte[] docx) throws IOException {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (e.getName().equals("word/document.xml")) return new String(z.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no document.xml");
    }

    @Test void renamedFilesCarryTheOtherFormat() throws IOException {
        byte[] doc = bytes("doc-renamed.docx");
        assertArrayEquals(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, java.util.Arrays.copyOf(doc, 4), "OLE2 magic");
        byte[] docx = bytes("docx-renamed.doc");
        assertArrayEquals(new byte[]{'P', 'K', 3, 4}, java.util.Arrays.copyOf(docx, 4), "zip magic");
        byte[] encrypted = bytes("docx-encrypted.docx");
        assertArrayEquals(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, java.util.Arrays.copyOf(encrypted, 4));
    }

    @Test void gbkPageIsNotUtf8AndDeclaresNoCharset() throws IOException {
        byte[] b = bytes("html-gbk-no-charset.html");
        assertThrows(CharacterCodingException.class, () -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)));
        String page = new String(b, Charset.forName("GBK"));
        assertTrue(page.contains(battery.entry("html-gbk-no-charset.html").org()));
        assertFalse(page.toLowerCase().contains("charset"));
    }

    @Test void oddNamesAreOnDiskAsWritten() throws IOException {
        HostileFiles.Entry bad = battery.entries.stream().filter(e -> e.name().startsWith("gbk-")).findFirst().orElseThrow();
        assertTrue(Files.isRegularFile(bad.file()), "the listed Path opens the file with the raw name");
        assertTrue(bad.name().contains("\uFFFD"), "Java shows the non-UTF-8 bytes as replacement characters");
        assertFalse(Files.exists(battery.input.resolve(bad.name())), "…and its String form names no file");
        assertTrue(Files.isRegularFile(battery.input.resolve("report with spaces 'single' \"double\"\nand a newline.txt")));
        Path loop = battery.input.resolve("loop");
        assertTrue(Files.isSymbolicLink(loop));
        assertEquals(battery.input, Files.readSymbolicLink(loop));
        assertTrue(Files.isDirectory(loop.resolve("loop").resolve("loop")), "the link loops");
        assertTrue(Files.exists(loop, LinkOption.NOFOLLOW_LINKS));
    }

    @Test void goodReportsAreDistinctBodies() {
        long bodies = battery.good().stream().map(HostileFiles.Entry::org).distinct().count();
        assertEquals(battery.good().size(), bodies);
        assertNotEquals(0, bodies);
    }
}
