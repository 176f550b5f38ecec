package io.disclosurelake.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/** Tells a file's format from its bytes (magic numbers, zip entries, OLE2 streams), not its name. */
public final class FormatSniffer {
    private FormatSniffer() {}

    /** What the bytes are; {@code encrypted} marks a password-protected OOXML file wrapped in OLE2. */
    public record Sniff(DocumentFormat format, boolean encrypted) {}

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int HEAD = 1024;

    /** The format of {@code bytes}; {@code fileName} is only a tie-breaker for plain text vs HTML. */
    public static DocumentFormat sniff(byte[] bytes, String fileName) {
        return sniffDetailed(bytes, fileName).format();
    }

    /**
     * True when the bytes are an OOXML document encrypted with a password (OLE2 with {@code EncryptionInfo} /
     * {@code EncryptedPackage}): the extractor quarantines it as {@code encrypted}.
     */
    public static boolean isEncryptedOffice(byte[] bytes) {
        return sniffDetailed(bytes, null).encrypted();
    }

    public static Sniff sniffDetailed(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) return new Sniff(DocumentFormat.UNKNOWN, false);
        if (isPdf(bytes)) return new Sniff(DocumentFormat.PDF, false);
        if (startsWith(bytes, 0x50, 0x4B, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4B, 0x05, 0x06)) {
            return new Sniff(sniffZip(bytes), false);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) return sniffOle2(bytes);
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return new Sniff(DocumentFormat.PNG, false);
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) return new Sniff(DocumentFormat.JPEG, false);
        if (startsWith(bytes, 'I', 'I', 0x2A, 0x00) || startsWith(bytes, 'M', 'M', 0x00, 0x2A)) return new Sniff(DocumentFormat.TIFF, false);
        String head = decodeHead(bytes);
        String trimmed = stripLeading(head);
        if (trimmed.startsWith("{\\rtf")) return new Sniff(DocumentFormat.UNKNOWN, false); // RTF: no reader
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<table")
                || lower.startsWith("<?xml") && lower.contains("<html")
                || lower.startsWith("<!--") && (lower.contains("<html") || lower.contains("<table"))
                || lower.startsWith("<head") || lower.startsWith("<meta") || lower.startsWith("<body")) {
            return new Sniff(DocumentFormat.HTML, false);
        }
        if (looksLikeText(bytes)) {
            // A text file whose first bytes are markup but not at the very start (e.g. a leading comment line).
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            // markdown from a document converter: by its name, or by a pipe table's separator line (|---|---|);
            // HTML tables inside it are read by the markdown reader, not as a web page
            if (name.endsWith(".md") || name.endsWith(".markdown") || hasPipeTableSeparator(bytes))
                return new Sniff(DocumentFormat.MD, false);
            if ((lower.contains("<html") || lower.contains("<table")) && !name.endsWith(".txt")) {
                return new Sniff(DocumentFormat.HTML, false);
            }
            // an HTML fragment (starts with <div>, <p>…) is told from text by its name only
            if ((name.endsWith(".htm") || name.endsWith(".html") || name.endsWith(".shtml"))
                    && java.util.regex.Pattern.compile("<(p|div|span|br|h[1-6]|tr|td)\\b").matcher(lower).find()) {
                return new Sniff(DocumentFormat.HTML, false);
            }
            return new Sniff(DocumentFormat.TXT, false);
        }
        return new Sniff(DocumentFormat.UNKNOWN, false);
    }

    /** Whether a line of the first 64 KB is a pipe table's separator ({@code |---|:---:|}); its characters are ASCII in every charset read. */
    static boolean hasPipeTableSeparator(byte[] b) {
        String s = new String(b, 0, Math.min(b.length, 65_536), StandardCharsets.ISO_8859_1);
        for (String line : s.split("\r\n|\r|\n"))
            if (line.indexOf("---") >= 0 && MarkdownReader.SEPARATOR.matcher(line).matches()) return true;
        return false;
    }

    /** {@code %PDF} at the start or after some leading junk within the first kilobyte. */
    static boolean isPdf(byte[] b) {
        int n = Math.min(b.length, HEAD) - 4;
        for (int i = 0; i <= n; i++) {
            if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F') return true;
        }
        return false;
    }

    private static DocumentFormat sniffZip(byte[] bytes) {
        // Reads only the local headers' names; entries are not inflated.
        try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry e;
            int seen = 0;
            while ((e = zin.getNextEntry()) != null && seen++ < 10_000) {
                String name = e.getName();
                if (name.equals("word/document.xml") || name.startsWith("word/document")) return DocumentFormat.DOCX;
                if (name.equals("xl/workbook.xml") || name.startsWith("xl/workbook")) return DocumentFormat.XLSX;
            }
        } catch (IOException | IllegalArgumentException ex) {
            // fall through: a zip whose entries cannot be listed is probed by the central directory below
        }
        String tail = new String(bytes, Math.max(0, bytes.length - 65_536), Math.min(bytes.length, 65_536),
                StandardCharsets.ISO_8859_1);
        if (tail.contains("word/document.xml")) return DocumentFormat.DOCX;
        if (tail.contains("xl/workbook.xml")) return DocumentFormat.XLSX;
        return DocumentFormat.UNKNOWN;
    }

    private static Sniff sniffOle2(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            DirectoryNode root = fs.getRoot();
            Set<String> names = new HashSet<>();
            for (Entry e : root) names.add(e.getName());
            if (names.contains("EncryptionInfo") || names.contains("EncryptedPackage")) {
                return new Sniff(DocumentFormat.DOCX, true);
            }
            if (names.contains("WordDocument")) return new Sniff(DocumentFormat.DOC, false);
            if (names.contains("Workbook") || names.contains("Book") || names.contains("WORKBOOK")) {
                return new Sniff(DocumentFormat.XLS, false);
            }
        } catch (IOException | RuntimeException ex) {
            // a broken OLE2 container: cannot tell what it was meant to be
        }
        return new Sniff(DocumentFormat.UNKNOWN, false);
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xFF) != magic[i]) return false;
        return true;
    }

    /** The first bytes as text, in the charset a BOM names or else UTF-8/GB18030 (markup is ASCII in all). */
    private static String decodeHead(byte[] b) {
        int n = Math.min(b.length, 4096);
        Charset cs = bomCharset(b);
        int skip = bomLength(b);
        if (cs == null) cs = StandardCharsets.ISO_8859_1;
        return new String(b, skip, Math.max(0, n - skip), cs);
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF' || s.charAt(i) == 0)) i++;
        return s.substring(i);
    }

    static Charset bomCharset(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return StandardCharsets.UTF_8;
        if (startsWith(b, 0xFF, 0xFE)) return StandardCharsets.UTF_16LE;
        if (startsWith(b, 0xFE, 0xFF)) return StandardCharsets.UTF_16BE;
        return null;
    }

    static int bomLength(byte[] b) {
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) return 3;
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) return 2;
        return 0;
    }

    /** Decodes as UTF-8/UTF-16 by BOM, else strict UTF-8, else strict GB18030; null if none fits. */
    static String decodeText(byte[] b) {
        Charset bom = bomCharset(b);
        if (bom != null) return new String(b, bomLength(b), b.length - bomLength(b), bom);
        String s = strictDecode(b, StandardCharsets.UTF_8);
        if (s == null) s = strictDecode(b, GB18030);
        return s;
    }

    static String strictDecode(byte[] b, Charset cs) {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = dec.decode(ByteBuffer.wrap(b));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean looksLikeText(byte[] b) {
        // Judge on a prefix cut at a safe place so a multi-byte character split at the end does not fail decoding.
        byte[] sample = b.length <= 65_536 ? b : java.util.Arrays.copyOf(b, cutPoint(b, 65_536));
        String s = decodeText(sample);
        if (s == null || s.isEmpty()) return false;
        int control = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
            else if (c == '\uFFFD') control++;
        }
        return control <= Math.max(1, s.length() / 100);
    }

    /** An index at or below {@code max} that ends on an ASCII byte (a character boundary in UTF-8 and GB18030). */
    private static int cutPoint(byte[] b, int max) {
        for (int i = max; i > max - 16; i--) if ((b[i - 1] & 0x80) == 0) return i;
        return max;
    }
}
