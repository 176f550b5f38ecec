package io.disclosurelake.template;

import io.disclosurelake.model.Region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 34 provincial-level units and 333 prefecture-level divisions (resource gazetteer/prefectures.tsv),
 * used to place a body: {@code 长春市南关区芳菲路…} → 吉林省 / 长春市 / 南关区.
 */
public final class Gazetteer {
    private static final Gazetteer INSTANCE = load();

    private final List<String> provinces;
    private final Map<String, String> provinceOfPrefecture;
    private static final Pattern COUNTY_AFTER = Pattern.compile("^([\\u4e00-\\u9fa5]{1,7}?(?:区|县|市|旗))");

    private Gazetteer(List<String> provinces, Map<String, String> provinceOfPrefecture) {
        this.provinces = provinces;
        this.provinceOfPrefecture = provinceOfPrefecture;
    }

    public static Gazetteer get() { return INSTANCE; }

    private static Gazetteer load() {
        List<String> provinces = new ArrayList<>();
        Map<String, String> prefectures = new LinkedHashMap<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream("/gazetteer/prefectures.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = line.split("\t", -1);
                provinces.add(parts[0].strip());
                if (parts.length > 1 && !parts[1].isBlank())
                    for (String p : parts[1].split(",")) prefectures.put(p.strip(), parts[0].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Gazetteer(Collections.unmodifiableList(provinces), Collections.unmodifiableMap(prefectures));
    }

    public List<String> provinces() { return provinces; }
    public Map<String, String> prefectures() { return provinceOfPrefecture; }

    public boolean isMunicipality(String province) {
        return province != null && province.endsWith("市");
    }

    /** Whether {@code name} is a provincial-level unit or a prefecture-level city (makers of 规章). */
    public boolean isProvinceOrPrefecture(String name) {
        return provinces.contains(name) || provinceOfPrefecture.containsKey(name);
    }

    /**
     * The region a piece of text names: the first province and prefecture it mentions, and the county-level
     * unit printed right after the prefecture (or municipality). Unknown parts are null.
     */
    public Region locate(String text) {
        if (text == null || text.isEmpty()) return Region.UNKNOWN;
        String province = null, city = null, county = null;
        int cityEnd = -1, best = Integer.MAX_VALUE;
        for (Map.Entry<String, String> e : provinceOfPrefecture.entrySet()) {
            int i = text.indexOf(e.getKey());
            if (i >= 0 && i < best) { best = i; city = e.getKey(); province = e.getValue(); cityEnd = i + e.getKey().length(); }
        }
        int bestProvince = Integer.MAX_VALUE;
        String named = null;
        int namedEnd = -1;
        for (String p : provinces) {
            int i = text.indexOf(p);
            if (i >= 0 && i < bestProvince) { bestProvince = i; named = p; namedEnd = i + p.length(); }
        }
        if (named != null && (province == null || (!named.equals(province) && bestProvince < best && !isMunicipality(named)))) {
            if (province != null && !named.equals(province)) { city = null; cityEnd = -1; }
            province = named;
        }
        if (isMunicipality(province) && city == null) { city = province; cityEnd = namedEnd; }
        if (cityEnd >= 0) {
            Matcher m = COUNTY_AFTER.matcher(text.substring(cityEnd));
            if (m.find() && !m.group(1).equals(city) && !provinceOfPrefecture.containsKey(m.group(1))
                    && !m.group(1).matches(".*[局委厅办府会的于和与及省].*")) county = m.group(1);
        }
        return new Region(province, city, county);
    }
}
