package io.disclosurelake.template;

import io.disclosurelake.model.Region;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IdentityExtractorTest {
    private static IdentityExtractor.Identity id(String... lines) {
        return new IdentityExtractor().extract(List.of(lines));
    }

    @Test
    void plainTitle() {
        IdentityExtractor.Identity i = id("淮安市人民政府2024年政府信息公开工作年度报告", "一、总体情况");
        assertEquals("淮安市人民政府", i.org());
        assertEquals(2024, i.year());
        assertEquals(new Region("江苏省", "淮安市", null), i.region());
    }

    @Test
    void spacesYearFirstAndNiandu() {
        assertEquals("南关区民政局", id("2024年南关区民政局政府信息公开工作年度报告").org());
        IdentityExtractor.Identity i = id("北京市朝阳区人民政府 2023 年度政府信息公开工作年度报告");
        assertEquals("北京市朝阳区人民政府", i.org());
        assertEquals(2023, i.year());
        assertEquals(new Region("北京市", "北京市", "朝阳区"), i.region());
    }

    @Test
    void titleWrappedOverLinesAndSubtitle() {
        IdentityExtractor.Identity i = id("成都市武侯区教育局", "2022年政府信息公开工作年度报告", "（2023年1月30日）");
        assertEquals("成都市武侯区教育局", i.org());
        assertEquals(2022, i.year());
        assertEquals(new Region("四川省", "成都市", "武侯区"), i.region());
    }

    @Test
    void crawlerHeader() {
        IdentityExtractor.Identity i = id("标题: 平潭综合实验区2019年度政府信息公开工作年度报告", "发布时间: 2020-01-20 15:22",
                "本地目录: zwgk/zfxxgknb/202001/80576_平潭综合实验区2019年度政府信息公开工作年度报告");
        assertEquals("平潭综合实验区", i.org());
        assertEquals(2019, i.year());
        assertEquals(1, i.distinctTitles());
    }

    @Test
    void regionFromContactAddressForACountyBody() {
        IdentityExtractor.Identity i = id("2024年南关区民政局政府信息公开工作年度报告",
                "如有疑问请联系（通讯地址：长春市南关区芳菲路123号，邮政编码：130000）。");
        assertEquals(new Region("吉林省", "长春市", "南关区"), i.region());
    }

    @Test
    void cityBodyKeepsNoCountyFromItsOfficeAddress() {
        IdentityExtractor.Identity i = id("长沙市交通运输局2023年政府信息公开工作年度报告", "联系地址：长沙市岳麓区望城坡街道。");
        assertEquals(new Region("湖南省", "长沙市", null), i.region());
    }

    @Test
    void regionAggregateWhenTheReportCoversTheRegion() {
        assertEquals("region_aggregate", id("某某市人民政府2023年政府信息公开工作年度报告",
                "本报告涵盖市政府各部门和各区县政府信息公开工作情况。").scope());
        assertEquals("region_aggregate", id("某某市人民政府2023年政府信息公开工作年度报告",
                "现将全市2023年政府信息公开工作情况报告如下。").scope());
        assertEquals("body", id("某某市民政局2023年政府信息公开工作年度报告", "全市民政系统政府信息公开工作情况良好。").scope());
    }

    @Test
    void twoStandaloneTitlesAreCounted() {
        assertEquals(2, id("甲县财政局2022年政府信息公开工作年度报告", "……", "乙县财政局2022年政府信息公开工作年度报告").distinctTitles());
    }

    @Test
    void noTitleNoOrg() {
        IdentityExtractor.Identity i = id("会议通知", "请各单位准时参加。");
        assertNull(i.org());
        assertNull(i.year());
    }
}
