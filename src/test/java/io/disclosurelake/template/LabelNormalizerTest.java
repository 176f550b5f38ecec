package io.disclosurelake.template;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabelNormalizerTest {
    @Test
    void foldsWidthsBracketsAndPunctuation() {
        assertEquals("第二十条第(一)项", LabelNormalizer.normalize("第二十条第（一）项"));
        assertEquals("本年收费金额(单位:万元)", LabelNormalizer.normalize("本年收费金额（单位：万元）"));
        assertEquals("12ABab", LabelNormalizer.normalize("１２ＡＢａｂ"));
    }

    @Test
    void dropsSpacesAndLineBreaks() {
        assertEquals("第二十条第(一)项", LabelNormalizer.normalize("第二十条 第（一）项"));
        assertEquals("三、本年度办理结果", LabelNormalizer.normalize("三\n、\n本\n年\n度\n办\n理\n结\n果"));
        assertEquals("本年新收政府信息公开申请数量", LabelNormalizer.normalize("本年新收政府信息\r\n公开申请数量\u3000"));
    }

    @Test
    void straightensCurlyQuotesAndDashes() {
        assertEquals("3.危及\"三安全一稳定\"", LabelNormalizer.normalize("3.危及“三安全一稳定”"));
        assertEquals("-", LabelNormalizer.normalize("—"));
    }

    @Test
    void regularisesNumberingNoise() {
        assertEquals("(一)予以公开", LabelNormalizer.normalize("（1）予以公开"));
        assertEquals("(一)予以公开", LabelNormalizer.normalize("(1) 予以公开"));
        assertEquals("1.属于国家秘密", LabelNormalizer.normalize("1、属于国家秘密"));
        assertEquals("三、收到和处理政府信息公开申请情况", LabelNormalizer.normalizeHeading("3、 收到和处理政府信息公开申请情况"));
        assertEquals("四、政府信息公开行政复议、行政诉讼情况", LabelNormalizer.normalizeHeading("4、政府信息公开行政复议、行政诉讼情况"));
    }

    @Test
    void numbersAreNotMistakenForNumbering() {
        assertEquals("1,024", LabelNormalizer.normalize("1,024"));
        assertEquals("12.5", LabelNormalizer.normalize("12.5"));
        assertEquals("0.35", LabelNormalizer.normalize("０.３５"));
    }

    @Test
    void coreStripsNumberingOfEveryKind() {
        assertEquals("予以公开", LabelNormalizer.core("（一）予以公开"));
        assertEquals("属于国家秘密", LabelNormalizer.core("1、属于国家秘密"));
        assertEquals("本年新收政府信息公开申请数量", LabelNormalizer.core("一、本年新收政府信息公开申请数量"));
        assertEquals("其他", LabelNormalizer.core("3.其他"));
        assertTrue(LabelNormalizer.contains("第二十条 第（五）项", "第二十条第(五)项"));
    }
}
