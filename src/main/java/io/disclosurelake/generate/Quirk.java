package io.disclosurelake.generate;

/** A layout quirk seen in real reports; the lower-case name is what truth files record. */
public enum Quirk {
    NUMBERING_NOISE, FULLWIDTH_DIGITS, FULLWIDTH_BRACKETS, SPACED_ARTICLE, WRAPPED_LABELS, VERTICAL_LABELS,
    BLANK_ZEROS, DASH_ZEROS, THOUSANDS_SEPARATORS, SUBTOTAL_ROWS, PAGE_SPLIT_TABLES, SITE_CHROME, SUBTITLE,
    GBK_ENCODING, GLUED_DIGITS;

    public String id() { return name().toLowerCase(java.util.Locale.ROOT); }
}
