package io.disclosurelake.lake;

import io.disclosurelake.model.CellStatus;
import io.disclosurelake.spec.QuarantineReason;
import io.disclosurelake.spec.RuleBook;
import io.disclosurelake.spec.TemplateSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CHECK constraints of the lake's Delta tables, only where a value can never be otherwise. Value columns of
 * parsed reports get none: a report may print a negative number (NON_NEGATIVE flags it; the table keeps it).
 */
public final class LakeConstraints {
    private LakeConstraints() {}

    private static String in(String column, List<String> values, boolean nullable) {
        String list = values.stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", "));
        return (nullable ? column + " IS NULL OR " : "") + column + " IN (" + list + ")";
    }

    private static final List<String> STATUSES = List.of("parsed", "partial", "quarantined");
    private static final List<String> REASONS = Arrays.stream(QuarantineReason.values()).map(r -> r.id).toList();
    private static final List<String> TEMPLATES = Arrays.stream(TemplateSpec.Version.values()).map(v -> v.id).toList();

    /** table → (constraint name → SQL condition). */
    public static Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> m = new LinkedHashMap<>();
        m.put(LakeSchema.DOCUMENTS, Map.of(
                "size_non_negative", "size >= 0",
                "status_known", in("status", STATUSES, true),
                "reason_known", in("reason", REASONS, true),
                "seen_in_order", "first_seen <= last_seen"));
        m.put(LakeSchema.REPORTS, Map.of(
                "status_known", in("status", List.of("parsed", "partial"), false),
                "template_known", in("template", TEMPLATES, false),
                "year_plausible", "year IS NULL OR year BETWEEN 2000 AND 2100",
                "scope_known", in("report_scope", List.of("body", "region_aggregate"), true)));
        m.put(LakeSchema.APPLICATIONS, Map.of(
                "row_key_known", in("row_key", TemplateSpec.applicationRowKeys(), false),
                "row_order_known", "row_order BETWEEN 1 AND " + TemplateSpec.APPLICATION_ROWS.size()));
        m.put(LakeSchema.CELLS, Map.of(
                "table_known", in("table_name", List.of(TemplateSpec.ACTIVE_TABLE, TemplateSpec.APPLICATIONS_TABLE,
                        TemplateSpec.REVIEW_TABLE, TemplateSpec.ACTIVE_2019_TABLE), false),
                "status_known", in("status", Arrays.stream(CellStatus.values()).map(CellStatus::id).toList(), false),
                "value_iff_status_value", "(status = 'value') = (value IS NOT NULL)"));
        m.put(LakeSchema.QUARANTINE, Map.of(
                "reason_known", in("reason", REASONS, false),
                "size_non_negative", "size IS NULL OR size >= 0"));
        m.put(LakeSchema.RULE_VIOLATIONS, Map.of(
                "rule_known", in("rule", RuleBook.RULES.stream().map(RuleBook.RuleInfo::id).toList(), false),
                "severity_known", in("severity", List.of("error", "warning"), false)));
        m.put(LakeSchema.REPORT_METRICS, Map.of(
                "value_is_a_ratio_or_count", "value IS NULL OR NOT isnan(value)"));
        m.put(LakeSchema.RUNS, Map.of(
                "counts_non_negative", "coalesce(docs_seen, 0) >= 0 AND coalesce(docs_new, 0) >= 0"
                        + " AND coalesce(docs_parsed, 0) >= 0 AND coalesce(docs_partial, 0) >= 0"
                        + " AND coalesce(docs_quarantined, 0) >= 0 AND coalesce(docs_unchanged, 0) >= 0",
                "status_known", in("status", List.of("running", "succeeded", "failed"), true),
                "finished_after_start", "finished_at IS NULL OR finished_at >= started_at"));
        return m;
    }
}
