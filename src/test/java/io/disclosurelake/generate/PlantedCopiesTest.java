package io.disclosurelake.generate;

import io.disclosurelake.extract.NarrativeCompare;
import io.disclosurelake.extract.NarrativeText;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** {@code generate --copies}: every variant is planted, each report is in at most one pair, and a copy reads as one. */
class PlantedCopiesTest {

    static String narrative(CorpusPlan.Slot s) {
        return NarrativeText.of(TextWriter.seedStyle(ReportLayout.layout(new ReportLayout.Spec(s.body(), s.year(), s.version(),
                s.figures(), QuirkSet.none(), s.narrativeSeed(), s.narrativeYear(), true, true, s.copy()))));
    }

    @Test
    void copiesArePlantedAndRecorded() {
        CorpusPlan plan = CorpusPlan.make(new GeneratorOptions(Path.of("unused"), 400, 3, GeneratorOptions.ALL_FORMATS,
                2019, 2025, 0.1, 0.02, 0, 1, 0.15));
        Map<String, Integer> variants = new HashMap<>();
        Set<Integer> inPairs = new HashSet<>();
        for (CorpusPlan.Slot s : plan.slots) {
            NarrativeCopy c = s.copy();
            if (c == null) continue;
            variants.merge(c.kind() + "/" + c.variant(), 1, Integer::sum);
            assertTrue(inPairs.add(s.index()) && inPairs.add(c.sourceIndex()), "a report in two planted pairs: " + s.index());
            CorpusPlan.Slot src = plan.slots.get(c.sourceIndex());
            assertEquals(src.narrativeSeed(), s.narrativeSeed());
            assertNull(s.bad());
            assertNull(src.bad());
            String mine = narrative(s), theirs = narrative(src);
            double sim = NarrativeCompare.similarity(mine, NarrativeText.nameForms(s.body().name()), theirs,
                    NarrativeText.nameForms(src.body().name()), 6);
            if (c.kind().equals(NarrativeCopy.CROSS_BODY)) {
                assertEquals(s.year(), src.year());
                assertNotEquals(s.body().id(), src.body().id());
                assertFalse(mine.contains(src.body().name()) && c.nameLeft() == null, "name swapped");
            } else {
                assertEquals(s.body().id(), src.body().id());
                assertEquals(s.year() - 1, src.year());
            }
            if (c.nameLeft() != null) {
                assertTrue(mine.contains(c.nameLeft()), "the other body's name is left in: " + c.nameLeft());
                assertNull(NarrativeCompare.otherNameLeft(theirs, NarrativeText.nameForms(src.body().name()),
                        NarrativeText.nameForms(s.body().name())));
            }
            // An edited copy has three of its ten to twelve sentences rewritten (and its own figures): measured 0.475–0.6
            // on this plan's 18 edited copies; name swapped or left in, and republished, 0.88 and up.
            assertTrue(sim > (c.variant().equals("edited") ? 0.45 : 0.7), c + " similarity " + sim);
        }
        for (String v : List.of("cross_body/name_swapped", "cross_body/name_left", "cross_body/edited", "previous_year/republished")) {
            assertTrue(variants.getOrDefault(v, 0) > 0, v + " planted: " + variants);
        }
        // two narratives of different seeds share little beyond stock wording
        CorpusPlan.Slot a = plan.slots.stream().filter(s -> s.bad() == null && s.copy() == null).findFirst().orElseThrow();
        CorpusPlan.Slot b = plan.slots.stream().filter(s -> s.bad() == null && s.copy() == null && s.year() == a.year()
                && !s.body().id().equals(a.body().id()) && s.narrativeSeed() != a.narrativeSeed()).findFirst().orElseThrow();
        assertTrue(NarrativeCompare.similarity(narrative(a), NarrativeText.nameForms(a.body().name()), narrative(b),
                NarrativeText.nameForms(b.body().name()), 6) < 0.4);
    }

    @Test
    void aDefaultCorpusHasNone() {
        CorpusPlan plan = CorpusPlan.make(new GeneratorOptions(Path.of("unused"), 200, 3, GeneratorOptions.ALL_FORMATS,
                2019, 2025, 0.1, 0.02, 0, 1));
        assertTrue(plan.slots.stream().allMatch(s -> s.copy() == null));
    }
}
