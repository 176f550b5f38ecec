package io.disclosurelake.template;

import io.disclosurelake.model.Region;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who published the report and for which year, from its title {@code <机关名称><YYYY>年(度)政府信息公开工作年度报告}
 * (spaces, line breaks, a subtitle, the year placed first, a crawler's {@code 标题:} line), where the body
 * sits (body name, contact address, gazetteer), and whether the report aggregates a whole region.
 */
public final class IdentityExtractor {

    public record Identity(String org, Integer year, String title, Region region, String scope, int distinctTitles) {}

    private static final Pattern TITLE = Pattern.compile(
            "(?:标题[:：])?(?:关于)?([^:：。，,；;\"《》/_a-zA-Z0-9]{0,40}?)((?:19|20)\\d{2})年度?([^:：。，,；;\"《》/_a-zA-Z0-9]{0,40}?)政府信息公开(?:工作)?(?:年度)?(?:报告|年报)");
    private static final Pattern ADDRESS = Pattern.compile("(?:通讯地址|联系地址|办公地址|地址|地点)[:：]?([^。；;，,）)]{2,40})");
    private static final Pattern AGGREGATE = Pattern.compile(
            "涵盖[^。]{0,40}?各(?:部门|单位|乡镇|街道)|全(?:省|市|区|县|州|旗|盟)[^。]{0,20}?政府信息公开工作(?:情况|年度报告)");

    /** How many non-empty lines from the top may hold the titles of a document quoting two reports. */
    static final int HEAD_LINES = 15;

    public Identity extract(List<String> lines) {
        String org = null, title = null;
        Integer year = null;
        Set<String> titles = new LinkedHashSet<>();
        List<String> normalized = new ArrayList<>();
        for (String l : lines) {
            String n = LabelNormalizer.normalize(l);
            if (!n.isEmpty()) normalized.add(n);
        }
        // a title may be wrapped over two or three lines: try each line, then joined neighbours
        for (int span = 1; span <= 3 && org == null; span++) {
            for (int i = 0; i + span <= Math.min(normalized.size(), 60) && org == null; i++) {
                String candidate = String.join("", normalized.subList(i, i + span));
                if (!candidate.contains("政府信息公开")) continue;
                Matcher m = TITLE.matcher(candidate);
                if (!m.find()) continue;
                if (span > 1 && TITLE.matcher(normalized.get(i)).find()) continue;
                String o = orgOf(m);
                if (o == null) continue;
                org = o;
                year = Integer.valueOf(m.group(2));
                title = m.group().replaceFirst("^标题[:：]", "");
            }
        }
        // standalone title lines at the head naming other bodies or years (a comparison of two reports);
        // links to other years' reports at the foot of a portal page do not count
        for (String n : normalized.subList(0, Math.min(normalized.size(), HEAD_LINES))) {
            if (n.length() > 80 || !n.contains("政府信息公开")) continue; // a title line is short
            Matcher m = TITLE.matcher(n);
            if (m.find() && n.length() <= m.group().length() + 12) {
                String o = orgOf(m);
                if (o != null) titles.add(o + m.group(2));
            }
        }
        String text = String.join("\n", normalized);
        Region region = locate(org, text);
        String scope = "body";
        if (AGGREGATE.matcher(text).find() && org != null && (org.endsWith("人民政府") || org.contains("涵盖"))) scope = "region_aggregate";
        else if (Pattern.compile("涵盖[^。]{0,40}?各(?:部门|单位)").matcher(text).find()) scope = "region_aggregate";
        return new Identity(org, year, title, region, scope, titles.size());
    }

    private static String orgOf(Matcher m) {
        String pre = m.group(1) == null ? "" : m.group(1);
        String mid = m.group(3) == null ? "" : m.group(3);
        pre = pre.replaceFirst("^.*[:：]", "").replaceFirst("^关于", "");
        String o = pre.isEmpty() ? mid : mid.isEmpty() ? pre : pre + mid;
        o = o.replaceFirst("(的)$", "");
        if (o.isEmpty() || o.length() < 2) return null;
        if (o.matches(".*(现公布|根据|本报告|编制|特向社会|发布).*")) return null;
        return o;
    }

    /** Region from the body name first, then the contact address, then a single province the text names. */
    private static Region locate(String org, String text) {
        Gazetteer g = Gazetteer.get();
        Region fromOrg = g.locate(org);
        Region r = fromOrg;
        Matcher a = ADDRESS.matcher(text);
        while (a.find() && (r.province() == null || r.city() == null || r.county() == null)) {
            Region addr = g.locate(a.group(1));
            if (addr.province() == null) continue;
            if (r.province() != null && !r.province().equals(addr.province())) continue;
            r = new Region(r.province() != null ? r.province() : addr.province(),
                    r.city() != null ? r.city() : addr.city(),
                    r.county() != null ? r.county() : countyConsistent(org, fromOrg, addr.county()));
        }
        if (r.province() == null) {
            Set<String> named = new LinkedHashSet<>();
            String head = text.length() > 4000 ? text.substring(0, 4000) : text;
            for (String p : g.provinces()) if (head.contains(p)) named.add(p);
            if (named.size() == 1) r = new Region(named.iterator().next(), null, null);
        }
        if (r.county() == null && org != null && r.city() != null) {
            Matcher m = Pattern.compile("^([\\u4e00-\\u9fa5]{1,5}?(?:区|县|旗))").matcher(org);
            if (m.find() && !m.group(1).matches(".*[局委厅办府会].*")) r = new Region(r.province(), r.city(), m.group(1));
        }
        return r;
    }

    /**
     * An address's county is taken for a body whose name does not start with a province or city, unless
     * the name starts with another county-level unit.
     */
    private static String countyConsistent(String org, Region fromOrg, String county) {
        if (county == null || org == null) return county;
        // a body named after its province or city (长沙市交通运输局) is not county-level, wherever its office is
        if (fromOrg.city() != null || fromOrg.province() != null) return null;
        Matcher m = Pattern.compile("^([\\u4e00-\\u9fa5]{1,5}?(?:区|县|旗))").matcher(org);
        if (m.find() && !m.group(1).equals(county)) return null;
        return county;
    }
}
