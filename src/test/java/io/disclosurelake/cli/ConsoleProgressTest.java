package io.disclosurelake.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which finished stages leave a line in a cron log (CI once ran the sample's extraction in under 5 s: no line). */
class ConsoleProgressTest {

    @Test void theExtractionAlwaysEndsWithALineEvenWhenQuick() {
        assertTrue(ConsoleProgress.endsWithALine(false, true, 1_000_000L));
    }

    @Test void aQuickOtherStageIsSilentInALogButNotOnATerminal() {
        assertFalse(ConsoleProgress.endsWithALine(false, false, 4_000_000_000L));
        assertTrue(ConsoleProgress.endsWithALine(true, false, 4_000_000_000L));
        assertTrue(ConsoleProgress.endsWithALine(false, false, 6_000_000_000L));
    }
}
