package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the ranking step may take report_metrics as wholly written by the night's job (no completion). */
class RankingPostRunStepTest {
    @Test
    void onlyANewLakesReportMetricsIsTakenAsWhole() {
        assertTrue(RankingPostRunStep.reportMetricsWhole(Set.of(LakeSchema.DOCUMENTS, LakeSchema.REPORTS, LakeSchema.CELLS,
                LakeSchema.RULE_VIOLATIONS, LakeSchema.REPORT_METRICS, LakeSchema.RUNS)), "a first night");
        assertFalse(RankingPostRunStep.reportMetricsWhole(Set.of(LakeSchema.REPORT_METRICS)),
                "report_metrics lost from a lake with reports: it holds only the touched reports' rows");
        assertFalse(RankingPostRunStep.reportMetricsWhole(Set.of()), "a later night");
    }
}
