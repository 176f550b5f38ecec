package io.disclosurelake.rank;

import io.disclosurelake.job.RunContext;
import io.disclosurelake.lake.LakeSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the ranking step may take report_metrics as wholly written by the night's job (no completion). */
class RankingPostRunStepTest {
    static RunContext created(String... tables) {
        return new RunContext(null, null, "run-1", null, List.of(), new ArrayList<>(), false, Set.of(tables));
    }

    @Test
    void onlyANewLakesReportMetricsIsTakenAsWhole() {
        assertTrue(RankingPostRunStep.reportMetricsWhole(created(LakeSchema.DOCUMENTS, LakeSchema.REPORTS, LakeSchema.CELLS,
                LakeSchema.RULE_VIOLATIONS, LakeSchema.REPORT_METRICS, LakeSchema.RUNS)), "a first night");
        assertFalse(RankingPostRunStep.reportMetricsWhole(created(LakeSchema.REPORT_METRICS)),
                "report_metrics lost from a lake with reports: it holds only the touched reports' rows");
        assertFalse(RankingPostRunStep.reportMetricsWhole(created()), "a later night");
    }
}
