package io.disclosurelake.template;

import io.disclosurelake.spec.TemplateSpec;
import io.disclosurelake.spec.TemplateSpec.Version;

import java.util.List;

/**
 * Tells the template version from the markers of docs/template.md §6 (TemplateSpec.MARKERS_*): both 2019 and
 * 2021 markers → hybrid; legacy markers without either → legacy; none → unknown. The year is not used:
 * some 2021 reports still print the 2019 tables.
 */
public final class VersionDetector {
    private VersionDetector() {}

    public static Version detect(String text) {
        String n = LabelNormalizer.normalize(text);
        boolean v2021 = any(n, TemplateSpec.MARKERS_2021);
        boolean v2019 = any(n, TemplateSpec.MARKERS_2019);
        if (v2021 && v2019) return Version.HYBRID;
        if (v2021) return Version.V2021;
        if (v2019) return Version.V2019;
        if (any(n, TemplateSpec.MARKERS_LEGACY)) return Version.LEGACY;
        return Version.UNKNOWN;
    }

    private static boolean any(String normalized, List<String> markers) {
        for (String m : markers) if (normalized.contains(LabelNormalizer.normalize(m))) return true;
        return false;
    }
}
