package io.disclosurelake.generate;

import java.util.List;

/**
 * Real provinces with real prefecture-level cities under them, and real districts/counties under each city,
 * so that a gazetteer lookup in the extractor agrees with the generator's truth.
 */
public final class Gazetteer {
    private Gazetteer() {}

    public record City(String name, String areaCode, String postcode, List<String> counties) {}

    public record Province(String name, String shortName, List<City> cities) {}

    public static final List<Province> PROVINCES = List.of(
            new Province("吉林省", "吉", List.of(
                    new City("四平市", "0434", "136000", List.of("铁西区", "铁东区", "梨树县", "伊通满族自治县")),
                    new City("长春市", "0431", "130000", List.of("南关区", "朝阳区", "宽城区", "绿园区", "农安县")),
                    new City("吉林市", "0432", "132000", List.of("船营区", "昌邑区", "丰满区", "永吉县")))),
            new Province("江苏省", "苏", List.of(
                    new City("苏州市", "0512", "215000", List.of("姑苏区", "虎丘区", "吴中区", "相城区", "吴江区")),
                    new City("淮安市", "0517", "223000", List.of("清江浦区", "淮阴区", "淮安区", "涟水县", "盱眙县")),
                    new City("南京市", "025", "210000", List.of("玄武区", "秦淮区", "建邺区", "栖霞区")))),
            new Province("福建省", "闽", List.of(
                    new City("厦门市", "0592", "361000", List.of("思明区", "湖里区", "集美区", "海沧区", "同安区", "翔安区")),
                    new City("福州市", "0591", "350000", List.of("台江区", "仓山区", "闽侯县", "连江县")),
                    new City("泉州市", "0595", "362000", List.of("鲤城区", "丰泽区", "惠安县", "安溪县")))),
            new Province("浙江省", "浙", List.of(
                    new City("宁波市", "0574", "315000", List.of("海曙区", "江北区", "北仑区", "镇海区", "鄞州区", "象山县")),
                    new City("杭州市", "0571", "310000", List.of("上城区", "拱墅区", "西湖区", "桐庐县")),
                    new City("温州市", "0577", "325000", List.of("鹿城区", "龙湾区", "瓯海区", "永嘉县")))),
            new Province("四川省", "川", List.of(
                    new City("德阳市", "0838", "618000", List.of("旌阳区", "罗江区", "中江县")),
                    new City("成都市", "028", "610000", List.of("锦江区", "青羊区", "金牛区", "武侯区")),
                    new City("绵阳市", "0816", "621000", List.of("涪城区", "游仙区", "三台县", "盐亭县")))),
            new Province("湖南省", "湘", List.of(
                    new City("岳阳市", "0730", "414000", List.of("岳阳楼区", "云溪区", "君山区", "岳阳县", "华容县")),
                    new City("株洲市", "0731", "412000", List.of("荷塘区", "芦淞区", "石峰区", "攸县")),
                    new City("常德市", "0736", "415000", List.of("武陵区", "鼎城区", "安乡县", "汉寿县")))),
            new Province("河南省", "豫", List.of(
                    new City("开封市", "0371", "475000", List.of("龙亭区", "顺河回族区", "禹王台区", "尉氏县")),
                    new City("郑州市", "0371", "450000", List.of("中原区", "二七区", "金水区", "惠济区")),
                    new City("洛阳市", "0379", "471000", List.of("西工区", "老城区", "涧西区", "嵩县")))));

    /** Departments: name at county/city level (局) and at province level (厅 where it differs). */
    public record Department(String cityName, String provinceName, String shortName) {}

    public static final List<Department> DEPARTMENTS = List.of(
            new Department("民政局", "民政厅", "民政"),
            new Department("财政局", "财政厅", "财政"),
            new Department("教育局", "教育厅", "教育"),
            new Department("公安局", "公安厅", "公安"),
            new Department("人力资源和社会保障局", "人力资源和社会保障厅", "人社"),
            new Department("自然资源局", "自然资源厅", "自然资源"),
            new Department("生态环境局", "生态环境厅", "生态环境"),
            new Department("住房和城乡建设局", "住房和城乡建设厅", "住建"),
            new Department("交通运输局", "交通运输厅", "交通"),
            new Department("农业农村局", "农业农村厅", "农业农村"),
            new Department("卫生健康委员会", "卫生健康委员会", "卫健"),
            new Department("市场监督管理局", "市场监督管理局", "市场监管"),
            new Department("司法局", "司法厅", "司法"),
            new Department("应急管理局", "应急管理厅", "应急"));

    public static final List<String> STREETS = List.of("人民大街", "解放路", "芳菲路", "建设路", "中山路", "和平路",
            "文化路", "胜利街", "长江路", "新华路", "光明路", "迎宾大道", "政通路", "行政中心路");
}
