package io.disclosurelake.rank;

import io.disclosurelake.lake.LakeSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringConfigTest {
    @Test
    void theShippedFileMatchesTheEmbeddedDefaults() throws Exception {
        ScoringConfig file = ScoringConfig.load(Path.of("conf", ScoringConfig.FILE_NAME));
        assertEquals(ScoringConfig.defaults(), file, "conf/scoring.properties documents the defaults");
        double total = file.weights().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(100.0, total, 1e-9, "the default weights add up to 100 points");
    }

    @Test
    void overridesAndTypos() {
        Properties p = new Properties();
        p.setProperty("weight.timeliness", "0");
        p.setProperty("metrics.min_denominator", "10");
        ScoringConfig c = ScoringConfig.from(p);
        assertEquals(0.0, c.weight("timeliness"));
        assertEquals(10, c.minDenominator());
        Properties typo = new Properties();
        typo.setProperty("weight.timelyness", "3");
        assertThrows(IllegalArgumentException.class, () -> ScoringConfig.from(typo));
        Properties negative = new Properties();
        negative.setProperty("weight.present", "-1");
        assertThrows(IllegalArgumentException.class, () -> ScoringConfig.from(negative));
    }

    @Test
    void everyComponentIsAColumnOfRankings() {
        List<String> cols = List.of(LakeSchema.table(LakeSchema.RANKINGS).schema().fieldNames());
        for (ComplianceScore.Component c : ComplianceScore.COMPONENTS) assertTrue(cols.contains(c.column()), c.column());
        assertEquals(7, LakeSchema.errorRuleIds().size(), "one component per error rule of docs/rules.md");
    }

    @Test
    void bodyKindFromTheOrgName() {
        assertEquals(BodyKind.GOVERNMENT, BodyKind.of("淮安市人民政府"));
        assertEquals(BodyKind.GOVERNMENT, BodyKind.of("南关区人民政府办公室"));
        assertEquals(BodyKind.GOVERNMENT, BodyKind.of("江苏省人民政府办公厅"));
        assertEquals(BodyKind.DEPARTMENT, BodyKind.of("南关区民政局"));
        assertEquals(BodyKind.DEPARTMENT, BodyKind.of("淮安市发展和改革委员会"));
        assertEquals(BodyKind.DEPARTMENT, BodyKind.of("淮安市外事办公室"));
        assertEquals(BodyKind.DEPARTMENT, BodyKind.of(null));
        assertEquals(4, BodyKind.GOVERNMENT.deadlineMonth, "31 March");
        assertEquals(2, BodyKind.DEPARTMENT.deadlineMonth, "31 January");
    }

    @Test
    void expectedCellsFollowTheTemplateVersion() {
        assertEquals(10 + 25 * 7 + 15, ComplianceScore.expectedCells(io.disclosurelake.spec.TemplateSpec.Version.V2021));
        assertEquals(7 + 23 * 7 + 15, ComplianceScore.expectedCells(io.disclosurelake.spec.TemplateSpec.Version.V2019));
    }
}
