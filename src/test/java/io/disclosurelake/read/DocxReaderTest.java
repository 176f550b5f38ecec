package io.disclosurelake.read;

import static io.disclosurelake.read.OoxmlFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.disclosurelake.spec.QuarantineReason;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxReaderTest {

    static Grid read(byte[] b) throws Exception {
        return new DocxReader().read(b, ReadLimits.defaults());
    }

    @Test
    void mergedCellsGridSpansAndBlanksLandInTheirGridColumns() throws Exception {
        String body = p("三、收到和处理政府信息公开申请情况")
                + tbl(tr(tc("<w:vMerge w:val=\"restart\"/>", "三", "、本年度", "办理结果"), tc("<w:gridSpan w:val=\"2\"/>", "（一）予以公开"),
                                tc("", "7"), tc(""), tc("", "7")),
                        tr(tc("<w:vMerge/>"), tc("<w:vMerge w:val=\"restart\"/>", "（三）不予公开"), tc("", "1.属于国家秘密"),
                                tc(""), tc("", "2"), tc("")),
                        tr(tc("<w:vMerge w:val=\"continue\"/>"), tc("<w:vMerge/>"), tc("", "2.其他法律行政法规禁止公开"),
                                tc("", "4"), tc(""), tc("", "6")))
                + p("四、政府信息公开行政复议、行政诉讼情况");
        Grid g = read(docx(body));
        assertEquals(3, g.blocks().size(), GridDump.dump(g));
        assertEquals("三、收到和处理政府信息公开申请情况", ((Grid.Paragraph) g.blocks().get(0)).text());
        Grid.Table t = (Grid.Table) g.blocks().get(1);
        assertEquals(6, t.columnCount());
        assertEquals(List.of("三、本年度办理结果", "（一）予以公开", "（一）予以公开", "7", "", "7"), GridDump.rowTexts(t, 0));
        assertEquals(List.of("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "", "2", ""), GridDump.rowTexts(t, 1));
        assertEquals(List.of("三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "4", "", "6"), GridDump.rowTexts(t, 2));
        assertEquals(3, t.rows().get(0).get(0).rowSpan());
        assertTrue(t.rows().get(2).get(0).continuation());
        assertTrue(t.rows().get(2).get(1).continuation());
        assertFalse(t.rows().get(1).get(1).continuation());
        assertEquals(2, t.rows().get(0).get(1).colSpan());
    }

    @Test
    void wpsHorizontalMergeWidensTheCell() throws Exception {
        String body = tbl(tr(tc("<w:hMerge w:val=\"restart\"/>", "申请人情况"), tc("<w:hMerge/>"), tc("", "总计")),
                tr(tc("", "自然人"), tc("", "商业企业"), tc("", "")));
        Grid.Table t = read(docx(body)).tables().get(0);
        assertEquals(List.of("申请人情况", "申请人情况", "总计"), GridDump.rowTexts(t, 0));
        assertEquals(2, t.rows().get(0).get(0).colSpan());
        assertEquals(List.of("自然人", "商业企业", ""), GridDump.rowTexts(t, 1));
    }

    @Test
    void contentControlsAndNestedTablesKeepReadingOrder() throws Exception {
        String nested = tbl(tr(tc("", "行政许可"), tc("", "181")));
        String body = p("标题")
                + "<w:sdt><w:sdtPr/><w:sdtContent>" + p("二、主动公开政府信息情况")
                + tbl(tr(tc("", "规章"), tc("", "0"))) + "</w:sdtContent></w:sdt>"
                + tbl(tr(tc("", "外层", nested), tc("", "<w:sdt><w:sdtContent>" + p("x") + "</w:sdtContent></w:sdt>")))
                + p("结束");
        Grid g = read(docx(body));
        List<Grid.Block> b = g.blocks();
        assertEquals("标题", ((Grid.Paragraph) b.get(0)).text(), GridDump.dump(g));
        assertEquals("二、主动公开政府信息情况", ((Grid.Paragraph) b.get(1)).text());
        assertEquals(List.of("规章", "0"), GridDump.rowTexts((Grid.Table) b.get(2), 0));
        assertEquals(List.of("外层", "x"), GridDump.rowTexts((Grid.Table) b.get(3), 0));
        assertEquals(List.of("行政许可", "181"), GridDump.rowTexts((Grid.Table) b.get(4), 0));
        assertEquals("结束", ((Grid.Paragraph) b.get(5)).text());
    }

    @Test
    void poiBuiltDocumentWithTwoTablesStaysTwoTables() throws Exception {
        byte[] bytes;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("某局2024年政府信息公开工作年度报告");
            XWPFTable a = doc.createTable(2, 3);
            a.getRow(0).getCell(0).setText("信息内容");
            a.getRow(1).getCell(0).setText("规章");
            a.getRow(1).getCell(2).setText("5");
            doc.createParagraph();
            XWPFTable c = doc.createTable(1, 3);
            c.getRow(0).getCell(0).setText("规范性文件");
            c.getRow(0).getCell(1).setText("3");
            doc.write(out);
            bytes = out.toByteArray();
        }
        Grid g = read(bytes);
        assertEquals(2, g.tables().size());
        assertEquals(List.of("规章", "", "5"), GridDump.rowTexts(g.tables().get(0), 1));
        assertEquals(List.of("规范性文件", "3", ""), GridDump.rowTexts(g.tables().get(1), 0));
    }

    @Test
    void externalEntityIsRefusedAndTheFileNeverLeaks(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET-4711");
        String prolog = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>";
        byte[] bytes = docx(p("&xxe;"), prolog);
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> read(bytes));
        assertEquals(QuarantineReason.UNSAFE, e.reason());
        assertFalse(e.getMessage().contains("TOPSECRET"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    /** A zip of one document.xml that inflates to 24 MiB of spaces (its central directory says so). */
    private static byte[] spacesBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            Arrays.fill(zeros, (byte) ' ');
            for (int i = 0; i < 24; i++) z.write(zeros);
            z.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void zipBombIsTooLarge() throws Exception {
        byte[] bytes = spacesBomb();
        assertTrue(bytes.length < 200_000);
        ReadLimits limits = new ReadLimits(300, 16L << 20, 20_000_000L, Long.MAX_VALUE);
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new DocxReader().read(bytes, limits));
        assertEquals(QuarantineReason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("declares"), "told from the central directory, not inflated: " + e.getMessage());
    }

    @Test
    void zipBombWhoseDirectoryUnderstatesItsSizeIsStillCaughtInflating() throws Exception {
        byte[] bytes = spacesBomb();
        // the central directory entry (PK 01 02) says 1,000 uncompressed bytes: a lie
        int cd = -1;
        for (int i = bytes.length - 4; i >= 0 && cd < 0; i--) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) cd = i;
        }
        assertTrue(cd > 0);
        java.nio.ByteBuffer.wrap(bytes, cd + 24, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1000);
        ReadLimits limits = new ReadLimits(300, 16L << 20, 20_000_000L, Long.MAX_VALUE);
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new DocxReader().read(bytes, limits));
        assertEquals(QuarantineReason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("inflates to over"), e.getMessage());
    }

    @Test
    void aDirectoryOfTooManyEntriesIsNotReadWholeAndStillRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i <= ZipContainerCheck.MAX_ENTRIES; i++) {
                z.putNextEntry(new ZipEntry("x/" + i));
                z.closeEntry();
            }
        }
        byte[] bytes = out.toByteArray();
        assertFalse(ZipContainerCheck.smallDirectory(bytes), "the end record announces too many entries: no up-front read");
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new DocxReader().read(bytes, ReadLimits.defaults()));
        assertEquals(QuarantineReason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("zip entries"), e.getMessage());
        assertTrue(ZipContainerCheck.smallDirectory(docx(p("正文"))), "an office file's directory is small");
    }

    @Test
    void truncatedDocxIsCorrupt() throws Exception {
        byte[] full = docx(p("正文") + tbl(tr(tc("", "规章"), tc("", "1"))));
        byte[] cut = Arrays.copyOf(full, full.length / 2);
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class, () -> read(cut));
        assertEquals(QuarantineReason.CORRUPT, e.reason());
    }
}
