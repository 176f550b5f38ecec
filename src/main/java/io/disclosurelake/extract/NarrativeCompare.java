package io.disclosurelake.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How two narratives ({@link NarrativeText}) are compared, Spark-free so that the job's similarity step, the
 * generator's checks and tests share it: each body's own name masked, character shingles, exact Jaccard, the
 * longest shared passage, and another body's name left in a text.
 */
public final class NarrativeCompare {
    private NarrativeCompare() {}

    /** What a body's own name becomes before comparing: a swapped name is then no difference. */
    public static final String NAME_MASK = "□";

    /** The text with every form of the body's own name ({@link NarrativeText#nameForms}, longest first) masked. */
    public static String masked(String text, List<String> ownForms) {
        if (text == null) return null;
        String s = text;
        for (String f : ownForms) if (!f.isEmpty()) s = s.replace(f, NAME_MASK);
        return s;
    }

    /** The distinct k-character substrings of a text (the whole text when shorter than k). */
    public static Set<String> shingles(String text, int k) {
        Set<String> out = new HashSet<>();
        if (text == null || text.isEmpty()) return out;
        if (text.length() <= k) {
            out.add(text);
            return out;
        }
        for (int i = 0; i + k <= text.length(); i++) out.add(text.substring(i, i + k));
        return out;
    }

    /** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 0;
        Set<String> small = a.size() <= b.size() ? a : b, large = small == a ? b : a;
        long common = 0;
        for (String s : small) if (large.contains(s)) common++;
        return (double) common / (a.size() + b.size() - common);
    }

    /**
     * The longest passage both texts contain (dynamic programming over the two strings, O(|a|·|b|) time and
     * O(|b|) memory: narratives are a few thousand characters), cut to {@code cap} characters.
     */
    public static String longestShared(String a, String b, int cap) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) return null;
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        int best = 0, end = 0;
        for (int i = 1; i <= a.length(); i++) {
            char c = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = c == b.charAt(j - 1) ? prev[j - 1] + 1 : 0;
                if (cur[j] > best) { best = cur[j]; end = i; }
            }
            int[] t = prev; prev = cur; cur = t;
            java.util.Arrays.fill(cur, 0);
        }
        if (best == 0) return null;
        String s = a.substring(end - best, end);
        return s.length() > cap ? s.substring(0, cap) + "…" : s;
    }

    /**
     * The first form of another body's name that a text contains and that is no form of the text's own body —
     * the name a copy forgot to change; null when none.
     */
    public static String otherNameLeft(String text, List<String> ownForms, List<String> otherForms) {
        if (text == null) return null;
        for (String f : otherForms) {
            boolean own = false;
            for (String o : ownForms) if (o.contains(f)) { own = true; break; }
            if (!own && text.contains(f)) return f;
        }
        return null;
    }

    /** Both texts' shingles with each body's name masked, and their Jaccard similarity. */
    public static double similarity(String textA, List<String> formsA, String textB, List<String> formsB, int k) {
        return jaccard(shingles(masked(textA, formsA), k), shingles(masked(textB, formsB), k));
    }
}
