package io.disclosurelake.extract;

import io.disclosurelake.model.Region;
import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.template.Gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The narrative a body writes itself, for copy detection across bodies ({@code reports.narrative_text}): the
 * sections 一 总体情况 and 五 存在的主要问题及改进情况 (docs/template.md §2), without the template's fixed
 * wording (the section headings, the sub-heading numbers, phrases every report repeats), NFKC-normalised and
 * without whitespace. The body's own name stays in the text: the similarity step masks each body's own
 * {@link #nameForms} before comparing, and looks for the other body's forms to tell a name left in.
 */
public final class NarrativeText {
    private NarrativeText() {}

    /** Sections compared: what the body writes in its own words (the others are tables or one-liners). */
    static final List<String> KEPT = List.of("overview", "problems");

    /**
     * Phrases every report repeats (the 条例's name and the stock phrases of its sections): removed, so two
     * reports do not look alike for quoting the same law. Longest first when applied.
     */
    static final List<String> FIXED_WORDING = List.of(
            "《中华人民共和国政府信息公开条例》", "(以下简称《条例》)", "以下简称《条例》", "《条例》",
            "根据", "政府信息公开工作年度报告", "政府信息公开工作", "政府信息公开", "存在的主要问题", "改进情况", "改进措施");

    private static final String NUMERAL = "(?:[一二三四五六七八九十]{1,2}|\\d{1,2})";
    /** Sub-heading numbers inside a section: （一） (1) 1. 1、 — layout, not wording. */
    private static final Pattern SUB_NUMBER = Pattern.compile("[(（]" + NUMERAL + "[)）]|(?<![\\d.])\\d{1,2}[、.](?!\\d)|[一二三四五六七八九十]是");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000\\u00a0]+");
    private static final Map<String, Pattern> HEADINGS = new TreeMap<>();

    static {
        for (Map.Entry<String, List<String>> e : TemplateSpec.SECTION_HEADINGS.entrySet()) {
            StringBuilder alt = new StringBuilder();
            e.getValue().stream().sorted(Comparator.comparingInt(String::length).reversed())
                    .forEach(v -> alt.append(alt.length() == 0 ? "" : "|").append(Pattern.quote(Normalizer.normalize(v, Normalizer.Form.NFKC))));
            // A heading is numbered (一、 / 3、 / 五.) or starts a line; the intro's list of the six parts is neither.
            HEADINGS.put(e.getKey(), Pattern.compile("(?:" + NUMERAL + "\\s*[、.]\\s*|(?:^|\\n)[ \\t\\u3000]*)(?:" + alt + ")", Pattern.MULTILINE));
        }
    }

    /** The compared text of a report's narrative, null when neither section is found or nothing is left. */
    public static String of(String narrative) {
        if (narrative == null || narrative.isBlank()) return null;
        String n = Normalizer.normalize(narrative, Normalizer.Form.NFKC);
        // Every heading found, by position: a kept section runs from its heading to the next one.
        TreeMap<Integer, int[]> marks = new TreeMap<>();
        for (Map.Entry<String, Pattern> e : HEADINGS.entrySet()) {
            Matcher m = e.getValue().matcher(n);
            if (m.find()) marks.put(m.start(), new int[]{m.end(), KEPT.contains(e.getKey()) ? 1 : 0});
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Integer, int[]> e : marks.entrySet()) {
            if (e.getValue()[1] == 0) continue;
            Integer next = marks.higherKey(e.getKey());
            int from = Math.min(e.getValue()[0], n.length());
            int to = next == null ? n.length() : Math.max(from, next);
            out.append(clean(n.substring(from, to)));
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** A section's text without the fixed wording and whitespace (input already NFKC). */
    static String clean(String section) {
        String s = WHITESPACE.matcher(section).replaceAll("");
        s = SUB_NUMBER.matcher(s).replaceAll("");
        for (String p : FIXED_WORDING) s = s.replace(p, "");
        return s;
    }

    /**
     * The forms a report may name its body by: the full name, and without its region (淮安市财政局 → 市财政局,
     * 财政局) — the forms a copy keeps when it forgets to change the name. Forms shorter than 3 characters or
     * that name no body (人民政府, 办公室) are left out. Longest first.
     */
    public static List<String> nameForms(String org) {
        if (org == null) return List.of();
        String name = WHITESPACE.matcher(Normalizer.normalize(org, Normalizer.Form.NFKC)).replaceAll("");
        Set<String> forms = new LinkedHashSet<>();
        if (name.length() >= 3) forms.add(name);
        Region r = Gazetteer.get().locate(name);
        String rest = name;
        String level = null;
        for (String part : new String[]{r.province(), r.city(), r.county()}) {
            if (part != null && rest.startsWith(part) && rest.length() > part.length()) {
                rest = rest.substring(part.length());
                level = part.substring(part.length() - 1);
            }
        }
        // a county-level unit the gazetteer does not list: 盐亭县卫生健康委员会 → 县卫生健康委员会
        Matcher county = COUNTY_PREFIX.matcher(rest);
        if (county.matches()) {
            rest = county.group(2);
            level = county.group(1).substring(county.group(1).length() - 1);
        }
        if (!rest.equals(name)) {
            if (level != null) forms.add(level + rest);
            forms.add(rest);
            // 人民政府办公室 → 政府办公室: the short form reports use of their own office
            if (rest.startsWith("人民政府")) {
                String shortGov = "政府" + rest.substring(4);
                if (level != null) forms.add(level + shortGov);
            }
        }
        List<String> out = new ArrayList<>();
        for (String f : forms) if (f.length() >= 3 && !GENERIC.contains(f)) out.add(f);
        out.sort(Comparator.comparingInt(String::length).reversed());
        return out;
    }

    private static final Pattern COUNTY_PREFIX = Pattern.compile("([^局委厅办府会院市省]{1,4}?[县区旗])(.{3,})");

    /** Forms that name no one body. */
    private static final Set<String> GENERIC = Set.of("人民政府", "办公室", "政府办公室", "人民政府办公室");
}
