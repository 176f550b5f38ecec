package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.spec.TemplateSpec.Version;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionDetectorTest {
    @Test
    void markersDecideNotTheYear() {
        assertEquals(Version.V2021, VersionDetector.detect("2019年 信息内容 本年制发件数 本年废止件数 现行有效件数"));
        assertEquals(Version.V2019, VersionDetector.detect("2021年 信息内容 本年新制作数量 本年新公开数量 对外公开总数量"));
        assertEquals(Version.V2019, VersionDetector.detect("第二十条第（九）项 政府集中采购"));
        assertEquals(Version.V2021, VersionDetector.detect("本年收费金额（单位：万元）"));
    }

    @Test
    void bothSetsOfMarkersAreHybrid() {
        assertEquals(Version.HYBRID, VersionDetector.detect("本年新制作数量 对外公开总数量 … 申请人逾期未按收费通知要求缴纳费用"));
    }

    @Test
    void legacyOnlyWithoutNationalMarkers() {
        assertEquals(Version.LEGACY, VersionDetector.detect("一、概述 … 同意公开答复数 否决公开答复总数"));
        assertEquals(Version.V2021, VersionDetector.detect("回应解读情况 本年制发件数"));
        assertEquals(Version.UNKNOWN, VersionDetector.detect("会议纪要"));
    }

    @Test
    void toleratesWidthAndSpacing() {
        assertEquals(Version.V2019, VersionDetector.detect("本年 增／减"));
        assertEquals(Version.V2021, VersionDetector.detect("现行 有效 件数"));
    }
}
