package io.disclosurelake.review;

import io.disclosurelake.spec.TemplateSpec;

/** Whether (table, row, column) is a cell of the template (docs/template.md §7). */
public final class CellAddresses {
    private CellAddresses() {}

    public static boolean known(String table, String row, String column) {
        if (table == null || row == null || column == null) return false;
        return switch (table) {
            case TemplateSpec.ACTIVE_TABLE -> TemplateSpec.ACTIVE_COLUMN_KEY.equals(column)
                    && TemplateSpec.activeFieldKeys().contains(row);
            case TemplateSpec.ACTIVE_2019_TABLE -> TemplateSpec.ACTIVE_COLUMN_KEY.equals(column)
                    && TemplateSpec.ACTIVE_2019_FIELDS.stream().anyMatch(f -> f.key().equals(row));
            case TemplateSpec.APPLICATIONS_TABLE -> TemplateSpec.applicationRowKeys().contains(row)
                    && TemplateSpec.applicantColumnKeys().contains(column);
            case TemplateSpec.REVIEW_TABLE -> TemplateSpec.REVIEW_ROW_KEY.equals(row)
                    && TemplateSpec.reviewColumnKeys().contains(column);
            default -> false;
        };
    }
}
