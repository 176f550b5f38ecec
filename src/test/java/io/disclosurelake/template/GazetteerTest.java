package io.disclosurelake.template;

import io.disclosurelake.model.Region;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GazetteerTest {
    @Test
    void everyProvincialUnitAndPrefecture() {
        Gazetteer g = Gazetteer.get();
        assertEquals(34, g.provinces().size());
        assertEquals(333, g.prefectures().size());
        assertEquals("吉林省", g.prefectures().get("长春市"));
        assertEquals("吉林省", g.prefectures().get("吉林市"));
        assertEquals("新疆维吾尔自治区", g.prefectures().get("伊犁哈萨克自治州"));
        assertEquals("广东省", g.prefectures().get("东莞市"));
        assertTrue(g.provinces().contains("内蒙古自治区"));
        assertTrue(g.prefectures().values().stream().allMatch(g.provinces()::contains));
    }

    @Test
    void locatesCityAndCounty() {
        assertEquals(new Region("吉林省", "长春市", "南关区"), Gazetteer.get().locate("长春市南关区芳菲路123号"));
        assertEquals(new Region("上海市", "上海市", "浦东新区"), Gazetteer.get().locate("上海市浦东新区世纪大道"));
        assertEquals(new Region("辽宁省", "朝阳市", null), Gazetteer.get().locate("朝阳市人民政府"));
        assertEquals(new Region("吉林省", "长春市", null), Gazetteer.get().locate("长春市民政局关于南关区"));
    }
}
