package io.disclosurelake.hardening;

import io.disclosurelake.spec.QuarantineReason;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the hostile-file battery of issue 7 into a directory: broken, hostile and odd files of every format,
 * mixed with good reports whose outcome is known, all built here (nothing downloaded). Each {@link Entry} says
 * what the extractor and the nightly job must make of the file.
 *
 * <p>Good reports are the real Nanguan 2024 report under other bodies' names ({@link SeedReport}); PDF and
 * DOC copies are made by LibreOffice from its DOCX, as on many sites. Each good report has a distinct body, so
 * all fit in one lake; where a hostile twist should not change the outcome (owner password, broken xref, a
 * renamed file) the entry keeps the untwisted bytes as its {@link Entry#twin}, which must give the same report.
 */
public final class HostileFiles {
    /** What must become of a file. */
    public enum Outcome {
        /** A report: parsed or partial, with the expected body. */
        PARSED,
        /** Quarantined with one of the expected reasons. */
        QUARANTINED,
        /** Parsed, or quarantined with one of the expected reasons (a limit may or may not be reached). */
        PARSED_OR_QUARANTINED,
        /** Not a document at all (a symbolic link loop): listed as a problem, never read, never duplicated. */
        NOT_A_DOCUMENT
    }

    /**
     * One file of the battery. {@code name} is its path relative to the input directory as Java sees it
     * ({@code file} is the file itself, which keeps the exact bytes of a name that is not UTF-8); {@code org} the
     * body a good report must
     * yield; {@code twin} the same content without the hostile twist (null when none).
     */
    public record Entry(String name, Path file, Outcome outcome, Set<QuarantineReason> reasons, String org,
                        byte[] twin, String twinName, String what) {
        public boolean good() { return outcome == Outcome.PARSED; }

        /** Part of an ordinary night's input: the good reports and the notice that is not a report. */
        public boolean ordinary() { return good() || name.equals(NOTICE); }

        @Override public String toString() { return name.replace("\n", "\\n") + " (" + what + ")"; }
    }

    /** Where a reader that resolves external entities would leak to: a local file and a URL the test watches. */
    public record Canaries(Path secretFile, String secret, String dtdUrl) {}

    static final String OWNER_PASSWORD = "owner-only-ff";
    static final String USER_PASSWORD = "user-secret-ff";
    static final int HUGE_PAGES = 5_000;
    static final int HUGE_IMAGE_SIDE = 20_000;
    static final int NESTED_SAVES = 1_000_000;
    static final long ZIP_BOMB_BYTES = 300L << 20;
    static final int BIG_HTML_BYTES = 50_000_000;
    /**
     * Reasons for a document that would need too much memory or time (issue 7): which limit trips first
     * depends on the machine's load, both are right.
     */
    static final Set<QuarantineReason> RESOURCES = EnumSet.of(QuarantineReason.TOO_LARGE, QuarantineReason.TIMEOUT);

    /** An ordinary web page that is not an annual report: quarantined, but nothing hostile about it. */
    static final String NOTICE = "notice-not-a-report.txt";
    static final String CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private final Path dir;
    private final Canaries canaries;
    private final List<Entry> entries = new ArrayList<>();
    private int bureau;

    private HostileFiles(Path dir, Canaries canaries) {
        this.dir = dir;
        this.canaries = canaries;
    }

    /**
     * Writes the whole battery (hostile files and the good reports mixed in) into {@code dir}, which must exist.
     * Needs LibreOffice for the PDF and DOC copies of the good report.
     */
    public static List<Entry> write(Path dir, Canaries canaries) throws IOException {
        HostileFiles h = new HostileFiles(dir, canaries);
        h.writeAll();
        return List.copyOf(h.entries);
    }

    /** A secret file outside {@code dir} and a DTD address nobody serves unless the test listens on it. */
    public static Canaries canaries(Path scratch, int listeningPort) throws IOException {
        String secret = "SECRET-" + Long.toHexString(new Random().nextLong()) + "-never-in-the-lake";
        Path f = scratch.resolve("secret-outside-input.txt");
        Files.writeString(f, secret);
        return new Canaries(f, secret, "http://127.0.0.1:" + listeningPort + "/evil.dtd");
    }

    private SeedReport nextBody() {
        return SeedReport.as(SeedReport.BUREAUS.get(bureau++), SeedReport.SEED_YEAR);
    }

    private void writeAll() throws IOException {
        // Good reports whose bytes need LibreOffice: one soffice start per target format.
        SeedReport pdfOwner = nextBody(), pdfXref = nextBody(), pdfImage = nextBody(), docAsDocx = nextBody(),
                docxAsDoc = nextBody(), gbk = nextBody(), oddName = nextBody(), bigHtml = nextBody(), plainTxt = nextBody(),
                badBytesName = nextBody(), truncated = nextBody();
        Map<String, byte[]> docx = new LinkedHashMap<>();
        for (SeedReport s : List.of(pdfOwner, pdfXref, pdfImage, truncated)) docx.put(s.bureau + ".docx", s.docx());
        // two soffice processes at once (one per core): the battery is built once per test JVM, but 10 s matter
        java.util.concurrent.CompletableFuture<Map<String, byte[]>> docs = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> OfficeConversion.convert(Map.of(docAsDocx.bureau + ".docx", docAsDocx.docx()), "doc"));
        Map<String, byte[]> pdfs = OfficeConversion.convert(docx, "pdf");
        byte[] docBytes = docs.join().get(docAsDocx.bureau);

        // ---------------------------------------------------------------- good reports, some with a harmless twist
        put(NOTICE, notice(), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.NOT_A_REPORT), null, null, null,
                "a notice from the same site, not an annual report");
        put("good-plain.txt", plainTxt.txt(), Outcome.PARSED, null, plainTxt.org(), null, null, "the real report as text");
        byte[] ownerPdf = protect(pdfs.get(pdfOwner.bureau), OWNER_PASSWORD, "");
        put("pdf-owner-password-only.pdf", ownerPdf, Outcome.PARSED, null, pdfOwner.org(), pdfs.get(pdfOwner.bureau), "plain.pdf",
                "owner password only (printing/copying restricted): opens without a password, must parse");
        put("pdf-broken-xref.pdf", breakXref(pdfs.get(pdfXref.bureau)), Outcome.PARSED, null, pdfXref.org(), pdfs.get(pdfXref.bureau),
                "plain.pdf", "cross-reference table and startxref point to wrong offsets: recoverable by scanning");
        put("pdf-huge-image.pdf", withHugeImage(pdfs.get(pdfImage.bureau)), Outcome.PARSED_OR_QUARANTINED, RESOURCES,
                pdfImage.org(), null, null, "report plus a page with a " + HUGE_IMAGE_SIDE + "x" + HUGE_IMAGE_SIDE + " image (400 MB decoded)");
        put("doc-renamed.docx", docBytes, Outcome.PARSED, null, docAsDocx.org(), docBytes, "plain.doc", "a Word 97 DOC named .docx");
        byte[] realDocx = docxAsDoc.docx();
        put("docx-renamed.doc", realDocx, Outcome.PARSED, null, docxAsDoc.org(), realDocx, "plain.docx", "a DOCX named .doc");
        put("html-gbk-no-charset.html", gbk.html(Charset.forName("GBK"), false), Outcome.PARSED, null, gbk.org(),
                gbk.html(StandardCharsets.UTF_8, true), "plain.html", "GBK page without any charset declaration");
        put("report with spaces 'single' \"double\"\nand a newline.txt", oddName.txt(), Outcome.PARSED, null, oddName.org(),
                oddName.txt(), "plain.txt", "file name with spaces, quotes and a newline");
        writeNonUtf8Name(badBytesName);
        put("html-50mb.html", bigHtml(bigHtml), Outcome.PARSED_OR_QUARANTINED, RESOURCES, bigHtml.org(),
                null, null, "a 50 MB web page: the report followed by 50 MB of text");

        // ---------------------------------------------------------------- hostile PDFs
        byte[] report = pdfs.get(truncated.bureau);
        put("pdf-truncated.pdf", Arrays.copyOf(report, report.length * 2 / 5), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.CORRUPT),
                null, null, null, "a report PDF cut after 40% of its bytes (interrupted download)");
        put("pdf-user-password.pdf", protect(report, OWNER_PASSWORD, USER_PASSWORD), Outcome.QUARANTINED,
                EnumSet.of(QuarantineReason.ENCRYPTED), null, null, null, "needs a user password to open");
        put("pdf-5000-pages.pdf", manyPages(), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.TOO_LARGE), null, null, null,
                HUGE_PAGES + " pages, over the page limit");
        put("pdf-self-referencing-form.pdf", selfReferencingForm(), Outcome.QUARANTINED, RESOURCES, null, null, null,
                "a form XObject that draws itself twice: 2^depth text runs unless recursion is refused");
        put("pdf-nested-saves.pdf", nestedSaves(), Outcome.QUARANTINED,
                EnumSet.of(QuarantineReason.CORRUPT, QuarantineReason.TIMEOUT, QuarantineReason.TOO_LARGE, QuarantineReason.NO_TEXT_LAYER,
                        QuarantineReason.OCR_FAILED), // no text: no_text_layer with OCR off, nothing to read with it on
                null, null, null, NESTED_SAVES + " nested q (save graphics state) operators without Q in a 2 kB stream");
        // OCR off (the extractor battery): no_text_layer; OCR on (the job): its title and headings are read, no tables
        put("pdf-scanned.pdf", scanned(), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.NO_TEXT_LAYER, QuarantineReason.NOT_A_REPORT),
                null, null, null, "a scanned page: an image of the report's first page (title, headings), no text layer");
        put("empty.pdf", new byte[0], Outcome.QUARANTINED, EnumSet.of(QuarantineReason.EMPTY), null, null, null, "zero bytes");
        put("random.pdf", random(1, 64 * 1024), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.CORRUPT, QuarantineReason.UNSUPPORTED_FORMAT),
                null, null, null, "random bytes named .pdf");
        put("random.docx", random(2, 64 * 1024), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.CORRUPT, QuarantineReason.UNSUPPORTED_FORMAT),
                null, null, null, "random bytes named .docx");

        // ---------------------------------------------------------------- hostile DOCX
        put("docx-zip-bomb.docx", zipBomb(), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.TOO_LARGE), null, null, null,
                "document.xml inflates from ~300 kB to " + (ZIP_BOMB_BYTES >> 20) + " MB");
        put("docx-xxe-local-file.docx", xxeDocx("<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + canaries.secretFile().toUri() + "\">]>",
                "&xxe;"), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.UNSAFE), null, null, null, "external entity naming a local file");
        put("docx-xxe-remote-dtd.docx", xxeDocx("<!DOCTYPE w:document SYSTEM \"" + canaries.dtdUrl() + "\">", "dtd"),
                Outcome.QUARANTINED, EnumSet.of(QuarantineReason.UNSAFE), null, null, null, "external DTD on a URL the test listens on");
        put("docx-encrypted.docx", encryptedDocx(nextBody().docx()), Outcome.QUARANTINED, EnumSet.of(QuarantineReason.ENCRYPTED),
                null, null, null, "password-protected Word document (OLE2 EncryptedPackage)");

        // ---------------------------------------------------------------- the directory itself
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        entries.add(new Entry("loop", dir.resolve("loop"), Outcome.NOT_A_DOCUMENT, Set.of(), null, null, null,
                "symbolic link to its own directory"));
    }

    private void put(String name, byte[] bytes, Outcome outcome, Set<QuarantineReason> reasons, String org,
                     byte[] twin, String twinName, String what) throws IOException {
        Files.write(dir.resolve(name), bytes);
        entries.add(new Entry(name, dir.resolve(name), outcome, reasons == null ? Set.of() : Set.copyOf(reasons), org, twin, twinName, what));
    }

    /**
     * A good report whose file name holds bytes that are not UTF-8 (GBK 南关 and a stray 0xFF), as a Windows
     * site's zip unpacked on Linux leaves them. Java cannot spell such a name in a String, so the shell does.
     */
    private void writeNonUtf8Name(SeedReport s) throws IOException {
        Path tmp = dir.resolve("pending-bad-name.tmp");
        Files.write(tmp, s.txt());
        String octal = "gbk-\\304\\317\\271\\330-\\377.txt";
        try {
            Process p = new ProcessBuilder("sh", "-c", "mv \"$1\" \"$(printf '" + octal + "')\"", "sh", tmp.toString())
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("could not rename to a non-UTF-8 name: " + new String(p.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Path file;
        try (var list = Files.list(dir)) {
            // the listed Path keeps the raw bytes of the name; its String form has U+FFFD in their place
            file = list.filter(f -> f.getFileName().toString().startsWith("gbk-")).findFirst()
                    .orElseThrow(() -> new IOException("renamed file not listed"));
        }
        entries.add(new Entry(file.getFileName().toString(), file, Outcome.PARSED, Set.of(), s.org(), s.txt(), "plain.txt",
                "file name with non-UTF-8 bytes (GBK and 0xFF)"));
    }

    // ==================================================================== PDF builders

    static byte[] protect(byte[] pdf, String owner, String user) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            AccessPermission ap = new AccessPermission();
            ap.setCanPrint(false);
            ap.setCanExtractContent(false);
            ap.setCanModify(false);
            StandardProtectionPolicy p = new StandardProtectionPolicy(owner, user, ap);
            p.setEncryptionKeyLength(user.isEmpty() ? 128 : 256);
            d.protect(p);
            return save(d);
        }
    }

    /**
     * Every offset of the last cross-reference table and the {@code startxref} pointer shifted to wrong places,
     * same length: a reader has to rebuild the table by scanning for objects.
     */
    static byte[] breakXref(byte[] pdf) {
        byte[] b = pdf.clone();
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int startxref = s.lastIndexOf("startxref");
        int xref = s.lastIndexOf("\nxref", startxref);
        if (startxref < 0 || xref < 0) throw new IllegalStateException("no classic xref table to break");
        int trailer = s.indexOf("trailer", xref);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{10}) (\\d{5}) n").matcher(s);
        m.region(xref, trailer);
        while (m.find()) {
            long wrong = (Long.parseLong(m.group(1)) * 7 + 13) % 9_999_999_999L;
            byte[] digits = String.format("%010d", wrong).getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(digits, 0, b, m.start(1), 10);
        }
        int numStart = startxref + "startxref".length();
        while (!Character.isDigit(b[numStart])) numStart++;
        int numEnd = numStart;
        while (Character.isDigit(b[numEnd])) numEnd++;
        for (int i = numStart; i < numEnd; i++) b[i] = (byte) ('1' + (i - numStart) % 9);
        return b;
    }

    /** The report with one more page drawing a 20000×20000 8-bit image (400 MB decoded, ~400 kB stored). */
    static byte[] withHugeImage(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            COSStream s = d.getDocument().createCOSStream();
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (OutputStream raw = s.createRawOutputStream(); DeflaterOutputStream z = new DeflaterOutputStream(raw, deflater, 1 << 16)) {
                byte[] row = new byte[HUGE_IMAGE_SIDE];
                for (int y = 0; y < HUGE_IMAGE_SIDE; y++) z.write(row);
            } finally {
                deflater.end();
            }
            s.setItem(COSName.TYPE, COSName.XOBJECT);
            s.setItem(COSName.SUBTYPE, COSName.IMAGE);
            s.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            s.setInt(COSName.WIDTH, HUGE_IMAGE_SIDE);
            s.setInt(COSName.HEIGHT, HUGE_IMAGE_SIDE);
            s.setInt(COSName.BITS_PER_COMPONENT, 8);
            s.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            PDImageXObject image = new PDImageXObject(new PDStream(s), null);
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                cs.drawImage(image, 20, 20, 555, 800);
            }
            return save(d);
        }
    }

    static byte[] manyPages() throws IOException {
        try (PDDocument d = new PDDocument()) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= HUGE_PAGES; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                d.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                    cs.beginText();
                    cs.setFont(font, 12);
                    cs.newLineAtOffset(72, 760);
                    cs.showText("Page " + i + " of an endless annex");
                    cs.endText();
                }
            }
            return save(d);
        }
    }

    /** A form XObject whose content shows some text and then draws itself twice. */
    static byte[] selfReferencingForm() throws IOException {
        try (PDDocument d = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFormXObject form = new PDFormXObject(d);
            form.setBBox(PDRectangle.A4);
            PDResources formResources = new PDResources();
            COSName fontName = formResources.add(font);
            COSName self = COSName.getPDFName("Fm1");
            formResources.put(self, form);
            form.setResources(formResources);
            String content = "BT /" + fontName.getName() + " 10 Tf 72 700 Td (again and again) Tj ET\n"
                    + "q 0.5 0 0 0.5 10 10 cm /Fm1 Do Q\nq 0.5 0 0 0.5 300 10 cm /Fm1 Do Q\n";
            try (OutputStream os = form.getContentStream().createOutputStream(COSName.FLATE_DECODE)) {
                os.write(content.getBytes(StandardCharsets.US_ASCII));
            }
            PDResources pageResources = new PDResources();
            pageResources.put(self, form);
            page.setResources(pageResources);
            COSStream pageContent = d.getDocument().createCOSStream();
            try (OutputStream os = pageContent.createOutputStream(COSName.FLATE_DECODE)) {
                os.write("/Fm1 Do\n".getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(new PDStream(pageContent));
            return save(d);
        }
    }

    /** A million {@code q} without {@code Q}: each one pushes a copy of the graphics state. */
    static byte[] nestedSaves() throws IOException {
        try (PDDocument d = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            COSStream content = d.getDocument().createCOSStream();
            try (OutputStream os = content.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] chunk = "q\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < NESTED_SAVES / 10_000; i++) os.write(chunk);
            }
            page.setContents(new PDStream(content));
            return save(d);
        }
    }

    /** A scanned report: one page that is a JPEG of printed Chinese text, no text layer. */
    static byte[] scanned() throws IOException {
        BufferedImage img = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(cjkFont(36f));
            g.drawString("2024年南关区扫描局政府信息公开工作年度报告", 120, 200);
            g.setFont(cjkFont(24f));
            int y = 300;
            for (String line : List.of("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")) {
                g.drawString(line, 120, y);
                y += 60;
            }
            for (int r = 0; r < 10; r++) g.drawLine(120, 700 + r * 50, 1120, 700 + r * 50);
        } finally {
            g.dispose();
        }
        try (PDDocument d = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            d.addPage(page);
            PDImageXObject jpeg = JPEGFactory.createFromImage(d, img, 0.6f);
            try (PDPageContentStream cs = new PDPageContentStream(d, page)) {
                cs.drawImage(jpeg, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            return save(d);
        }
    }

    private static Font cjkFont(float size) {
        try {
            File ttc = new File(CJK_FONT);
            if (ttc.exists()) return Font.createFonts(ttc)[0].deriveFont(size);
        } catch (Exception e) {
            // fall through: the image only has to look like a scan, the glyphs do not matter
        }
        return new Font(Font.SERIF, Font.PLAIN, (int) size);
    }

    private static byte[] save(PDDocument d) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.save(out);
        return out.toByteArray();
    }

    // ==================================================================== other builders

    static byte[] notice() {
        return ("关于做好2024年春节期间安全生产工作的通知\n\n各科室、各单位：\n"
                + "春节将至，为切实做好节日期间安全生产工作，确保人民群众过一个欢乐祥和的节日，现将有关事项通知如下。\n"
                + "一、提高思想认识。各单位要充分认识做好节日期间安全生产工作的重要性。\n"
                + "二、开展隐患排查。对办公场所、服务机构开展一次全面检查。\n"
                + "三、严格值班值守。节日期间实行24小时值班制度。\n\n南关区民政局\n2024年1月30日\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** A 50 MB page: the report, then paragraphs of filler text (a site that inlines every past notice). */
    static byte[] bigHtml(SeedReport s) {
        String paragraph = "<p>" + "本栏目历年公告汇总，内容较长，仅供参考。".repeat(20) + "</p>\n";
        int size = s.htmlPage("UTF-8", "").getBytes(StandardCharsets.UTF_8).length;
        int count = (BIG_HTML_BYTES - size) / paragraph.getBytes(StandardCharsets.UTF_8).length;
        String page = s.htmlPage("UTF-8", paragraph.repeat(count));
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "</Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>";
    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    private static String documentXml(String doctype, String bodyText) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + doctype
                + "<w:document " + W + "><w:body>"
                + "<w:p><w:r><w:t>2024年南关区泄露局政府信息公开工作年度报告</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>" + bodyText + "</w:t></w:r></w:p>"
                + "</w:body></w:document>";
    }

    /** A minimal DOCX whose document.xml declares {@code doctype} and uses {@code bodyText} (an entity). */
    static byte[] xxeDocx(String doctype, String bodyText) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            entry(z, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            entry(z, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
            entry(z, "word/document.xml", documentXml(doctype, bodyText).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /**
     * A DOCX whose document.xml is well-formed and inflates to {@link #ZIP_BOMB_BYTES}: one paragraph padded with
     * spaces, deflated at the best ratio (≈1000:1).
     */
    static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            entry(z, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
            entry(z, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            String[] parts = documentXml("", "\u0000").split("\u0000");
            z.write(parts[0].getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (long n = 0; n < ZIP_BOMB_BYTES; n += spaces.length) z.write(spaces);
            z.write(parts[1].getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return out.toByteArray();
    }

    static byte[] encryptedDocx(byte[] docx) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword(USER_PASSWORD);
            try (OPCPackage opc = OPCPackage.open(new ByteArrayInputStream(docx)); OutputStream os = enc.getDataStream(fs)) {
                opc.save(os);
            } catch (Exception e) {
                throw new IOException("could not encrypt the DOCX", e);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static void entry(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
