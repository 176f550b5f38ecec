package io.disclosurelake.read;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class FormatSnifferTest {

    static byte[] docx() throws Exception {
        return OoxmlFixtures.docx(OoxmlFixtures.p("正文"));
    }

    static byte[] xlsx() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("a").createRow(0).createCell(0).setCellValue(1);
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void imagesAreToldByTheirMagicNumbers() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (String[] f : new String[][] {{"png", "PNG"}, {"jpeg", "JPEG"}, {"tiff", "TIFF"}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertTrue(javax.imageio.ImageIO.write(img, f[0], out), f[0]);
            assertEquals(DocumentFormat.valueOf(f[1]), FormatSniffer.sniff(out.toByteArray(), "report.pdf"), f[0]);
            assertEquals(f[0], DocumentFormat.valueOf(f[1]).id);
            assertNotNull(Readers.forFormat(DocumentFormat.valueOf(f[1])));
        }
    }

    @Test
    void docxNamedDocIsDocxAndReadsAsDocx() throws Exception {
        byte[] b = docx();
        assertEquals(DocumentFormat.DOCX, FormatSniffer.sniff(b, "report.doc"));
        Grid g = Readers.forFormat(FormatSniffer.sniff(b, "report.doc")).read(b, ReadLimits.defaults());
        assertEquals("正文", g.paragraphText().trim());
    }

    @Test
    void spreadsheetsByContent() throws Exception {
        assertEquals(DocumentFormat.XLSX, FormatSniffer.sniff(xlsx(), "a.xls"));
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("a");
            wb.write(out);
            assertEquals(DocumentFormat.XLS, FormatSniffer.sniff(out.toByteArray(), "a.xlsx"));
        }
    }

    @Test
    void otherZipIsUnknown() throws Exception {
        byte[] zip = OoxmlFixtures.zip(Map.of("readme.txt", "hello", "data/x.xml", "<x/>"));
        assertEquals(DocumentFormat.UNKNOWN, FormatSniffer.sniff(zip, "report.docx"));
    }

    @Test
    void pdfEvenAfterLeadingJunk() {
        assertEquals(DocumentFormat.PDF, FormatSniffer.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "x.doc"));
        byte[] junk = new byte[600];
        byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] both = new byte[junk.length + pdf.length];
        System.arraycopy(pdf, 0, both, junk.length, pdf.length);
        assertEquals(DocumentFormat.PDF, FormatSniffer.sniff(both, "x"));
        byte[] late = new byte[2000 + pdf.length];
        System.arraycopy(pdf, 0, late, 2000, pdf.length);
        assertNotEquals(DocumentFormat.PDF, FormatSniffer.sniff(late, "x.pdf"));
    }

    @Test
    void emptyAndRandomBytesAreUnknown() {
        assertEquals(DocumentFormat.UNKNOWN, FormatSniffer.sniff(new byte[0], "a.pdf"));
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        assertEquals(DocumentFormat.UNKNOWN, FormatSniffer.sniff(random, "a.txt"));
        assertNull(Readers.forFormat(DocumentFormat.UNKNOWN));
    }

    @Test
    void htmlWithBomWhitespaceOrOnlyATable() {
        assertEquals(DocumentFormat.HTML, FormatSniffer.sniff("\uFEFF  \n<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8), "a.txt"));
        assertEquals(DocumentFormat.HTML, FormatSniffer.sniff("<TABLE><tr><td>1</td></tr></TABLE>".getBytes(StandardCharsets.UTF_8), "a"));
        byte[] gbk = "<html><body><p>政府信息公开工作年度报告</p></body></html>".getBytes(Charset.forName("GBK"));
        assertEquals(DocumentFormat.HTML, FormatSniffer.sniff(gbk, "a.doc"));
        byte[] fragment = "<div><p>正文</p></div>".getBytes(StandardCharsets.UTF_8);
        assertEquals(DocumentFormat.HTML, FormatSniffer.sniff(fragment, "a.html"));
        assertEquals(DocumentFormat.TXT, FormatSniffer.sniff(fragment, "a.txt"));
    }

    @Test
    void textInUtf8Utf16AndGbk() {
        String s = "某局2024年政府信息公开工作年度报告\n一、总体情况\n";
        assertEquals(DocumentFormat.TXT, FormatSniffer.sniff(s.getBytes(StandardCharsets.UTF_8), "a"));
        assertEquals(DocumentFormat.TXT, FormatSniffer.sniff(s.getBytes(Charset.forName("GBK")), "a"));
        byte[] utf16 = s.getBytes(StandardCharsets.UTF_16); // with BOM
        assertEquals(DocumentFormat.TXT, FormatSniffer.sniff(utf16, "a"));
        assertEquals(DocumentFormat.UNKNOWN, FormatSniffer.sniff("{\\rtf1\\ansi hello}".getBytes(StandardCharsets.US_ASCII), "a.doc"));
    }

    @Test
    void encryptedOoxmlIsFlagged() throws Exception {
        POIFSFileSystem fs = new POIFSFileSystem();
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword("secret");
        try (var os = enc.getDataStream(fs)) {
            os.write(xlsx());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fs.writeFilesystem(out);
        fs.close();
        byte[] b = out.toByteArray();
        assertTrue(FormatSniffer.isEncryptedOffice(b));
        assertTrue(FormatSniffer.sniffDetailed(b, "a.xlsx").encrypted());
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> Readers.forFormat(FormatSniffer.sniff(b, "a.xlsx")).read(b, ReadLimits.defaults()));
        assertEquals(io.disclosurelake.spec.QuarantineReason.ENCRYPTED, e.reason());
        assertFalse(FormatSniffer.isEncryptedOffice(xlsx()));
    }
}
