package io.disclosurelake.read;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetReaderTest {

    static byte[] build(Workbook wb) throws Exception {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("三、收到和处理申请情况");
            Row r0 = s.createRow(0);
            r0.createCell(0).setCellValue("三、本年度办理结果");
            r0.createCell(1).setCellValue("（一）予以公开");
            r0.createCell(3).setCellValue(7.0);
            r0.createCell(5).setCellFormula("D1*2");
            Row r1 = s.createRow(1);
            r1.createCell(1).setCellValue("（三）不予公开");
            r1.createCell(2).setCellValue("1.属于国家秘密");
            r1.createCell(4).setCellValue(12.5);
            s.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
            s.addMergedRegion(new CellRangeAddress(0, 0, 1, 2));
            wb.createSheet("Sheet2");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            return out.toByteArray();
        }
    }

    void assertSheet(byte[] bytes) throws Exception {
        Grid g = new SheetReader().read(bytes, ReadLimits.defaults());
        assertEquals(2, g.blocks().size(), GridDump.dump(g)); // the named sheet's title and its table; the empty sheet is skipped
        assertEquals("三、收到和处理申请情况", ((Grid.Paragraph) g.blocks().get(0)).text());
        Grid.Table t = g.tables().get(0);
        assertEquals(List.of("三、本年度办理结果", "（一）予以公开", "（一）予以公开", "7", "", "14"), GridDump.rowTexts(t, 0));
        assertEquals(List.of("三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "", "12.5", ""), GridDump.rowTexts(t, 1));
        assertTrue(t.rows().get(1).get(0).continuation());
        assertEquals(2, t.rows().get(0).get(0).rowSpan());
        assertEquals(2, t.rows().get(0).get(1).colSpan());
    }

    @Test
    void xlsxMergedRegionsNumbersAndFormulas() throws Exception {
        assertSheet(build(new XSSFWorkbook()));
    }

    @Test
    void xlsMergedRegionsNumbersAndFormulas() throws Exception {
        assertSheet(build(new HSSFWorkbook()));
    }

    @Test
    void numbersAreWrittenAsExcelShowsThem() {
        assertEquals("7", SheetReader.number(7.0));
        assertEquals("0.3", SheetReader.number(0.1 + 0.2));
        assertEquals("75394432.52", SheetReader.number(75394432.52));
        assertEquals("0", SheetReader.number(-0.0));
        assertEquals("1200000", SheetReader.number(1.2e6));
    }

    @Test
    void damagedOrOversizedWorkbooksAreQuarantined() throws Exception {
        byte[] xlsx = build(new XSSFWorkbook());
        UnreadableDocumentException corrupt = assertThrows(UnreadableDocumentException.class,
                () -> new SheetReader().read(java.util.Arrays.copyOf(xlsx, xlsx.length / 2), ReadLimits.defaults()));
        assertEquals(io.disclosurelake.spec.QuarantineReason.CORRUPT, corrupt.reason());
        ReadLimits tiny = new ReadLimits(300, 2_000, 20_000_000L, Long.MAX_VALUE);
        UnreadableDocumentException large = assertThrows(UnreadableDocumentException.class, () -> new SheetReader().read(xlsx, tiny));
        assertEquals(io.disclosurelake.spec.QuarantineReason.TOO_LARGE, large.reason());
    }
}
