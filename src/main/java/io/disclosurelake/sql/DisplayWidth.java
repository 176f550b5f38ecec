package io.disclosurelake.sql;

/**
 * Terminal columns a string takes: East Asian wide and full-width characters (汉字, full-width punctuation
 * such as （）) count 2, combining marks 0, the rest 1 — so that tables of Chinese names line up.
 */
public final class DisplayWidth {
    private DisplayWidth() {}

    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    public static int of(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || cp == 0x200B) return 0;
        return isWide(cp) ? 2 : 1;
    }

    static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)        // Hangul Jamo
                || (cp >= 0x2E80 && cp <= 0x303E)    // CJK radicals, punctuation 、。「」
                || (cp >= 0x3041 && cp <= 0x33FF)    // kana, CJK symbols
                || (cp >= 0x3400 && cp <= 0x4DBF)    // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)    // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)    // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)    // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)    // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)    // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)    // full-width forms （）：，
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F)  // emoji
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B–
    }

    /** The string padded with spaces to {@code width} columns, on the right (left-aligned) or left. */
    public static String pad(String s, int width, boolean alignRight) {
        int fill = Math.max(0, width - of(s));
        String spaces = " ".repeat(fill);
        return alignRight ? spaces + s : s + spaces;
    }
}
