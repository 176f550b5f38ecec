package io.disclosurelake.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fixed table of the 34 province-level divisions (GB/T 2260 code, pinyin), so that an export's file name is
 * built from fixed words only — never from the province text a document printed.
 */
public final class ProvinceCodes {
    private ProvinceCodes() {}

    public record Province(String code, String shortName, String fullName, String pinyin) {
        public String fileStem() { return code + "-" + pinyin; }
    }

    private static final Map<String, Province> BY_SHORT = new LinkedHashMap<>();

    private static void p(String code, String shortName, String fullName, String pinyin) {
        BY_SHORT.put(shortName, new Province(code, shortName, fullName, pinyin));
    }

    static {
        p("110000", "北京", "北京市", "beijing");
        p("120000", "天津", "天津市", "tianjin");
        p("130000", "河北", "河北省", "hebei");
        p("140000", "山西", "山西省", "shanxi");
        p("150000", "内蒙古", "内蒙古自治区", "neimenggu");
        p("210000", "辽宁", "辽宁省", "liaoning");
        p("220000", "吉林", "吉林省", "jilin");
        p("230000", "黑龙江", "黑龙江省", "heilongjiang");
        p("310000", "上海", "上海市", "shanghai");
        p("320000", "江苏", "江苏省", "jiangsu");
        p("330000", "浙江", "浙江省", "zhejiang");
        p("340000", "安徽", "安徽省", "anhui");
        p("350000", "福建", "福建省", "fujian");
        p("360000", "江西", "江西省", "jiangxi");
        p("370000", "山东", "山东省", "shandong");
        p("410000", "河南", "河南省", "henan");
        p("420000", "湖北", "湖北省", "hubei");
        p("430000", "湖南", "湖南省", "hunan");
        p("440000", "广东", "广东省", "guangdong");
        p("450000", "广西", "广西壮族自治区", "guangxi");
        p("460000", "海南", "海南省", "hainan");
        p("500000", "重庆", "重庆市", "chongqing");
        p("510000", "四川", "四川省", "sichuan");
        p("520000", "贵州", "贵州省", "guizhou");
        p("530000", "云南", "云南省", "yunnan");
        p("540000", "西藏", "西藏自治区", "xizang");
        p("610000", "陕西", "陕西省", "shaanxi");
        p("620000", "甘肃", "甘肃省", "gansu");
        p("630000", "青海", "青海省", "qinghai");
        p("640000", "宁夏", "宁夏回族自治区", "ningxia");
        p("650000", "新疆", "新疆维吾尔自治区", "xinjiang");
        p("710000", "台湾", "台湾省", "taiwan");
        p("810000", "香港", "香港特别行政区", "xianggang");
        p("820000", "澳门", "澳门特别行政区", "aomen");
    }

    public static List<Province> all() { return List.copyOf(BY_SHORT.values()); }

    /** The province a printed name denotes (full or short form), or null. */
    public static Province of(String name) {
        if (name == null) return null;
        String n = name.strip();
        for (Province p : BY_SHORT.values()) {
            if (n.equals(p.fullName()) || n.equals(p.shortName()) || n.equals(p.shortName() + "省") || n.equals(p.shortName() + "市")) return p;
        }
        return null;
    }

    private static final Pattern SAFE = Pattern.compile("[a-z0-9-]+");

    /**
     * The file-name part for a province: {@code 320000-jiangsu}; {@code unknown} when no province is known;
     * {@code other-<index>} for a name outside the table, the index given by the caller (its position in the
     * sorted list of such names) — the name itself never reaches a path.
     */
    public static String fileStem(String name, int otherIndex) {
        Province p = of(name);
        String stem = p != null ? p.fileStem() : name == null ? "unknown" : "other-" + otherIndex;
        if (!SAFE.matcher(stem).matches()) throw new IllegalStateException("unsafe file stem " + stem);
        return stem;
    }
}
