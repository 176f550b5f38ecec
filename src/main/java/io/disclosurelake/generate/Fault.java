package io.disclosurelake.generate;

/** A rule fault the generator can inject; the name is the rule id of docs/rules.md. */
public enum Fault {
    APP_BALANCE, APP_ROW_TOTAL, APP_OUTCOME_SUM, REVIEW_TOTAL, LITIGATION_DIRECT_TOTAL, LITIGATION_AFTER_REVIEW_TOTAL,
    NON_NEGATIVE, FEE_UNIT, TEXT_TABLE_MISMATCH, CARRY_OVER_CONTINUITY, IN_FORCE_CONTINUITY,
    DUPLICATE_OF_PREVIOUS_YEAR, REGULATIONS_BY_NON_LEGISLATOR;

    public boolean crossYear() {
        return this == CARRY_OVER_CONTINUITY || this == IN_FORCE_CONTINUITY || this == DUPLICATE_OF_PREVIOUS_YEAR;
    }
}
