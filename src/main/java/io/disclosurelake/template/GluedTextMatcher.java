package io.disclosurelake.template;

/** Placeholder: filled in next commit. */
public final class GluedTextMatcher {
    public record Result(MatchedTables tables, String narrative) {}
    public Result match(String text, TemplateSpec.Version version) { return new Result(new MatchedTables(), text); }
}
