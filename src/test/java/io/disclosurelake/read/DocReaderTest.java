package io.disclosurelake.read;

import static org.junit.jupiter.api.Assertions.*;

import io.disclosurelake.spec.QuarantineReason;
import org.junit.jupiter.api.Test;

/** DOC specifics that need no LibreOffice; the table round trip is in {@link ForeignProducerTest}. */
class DocReaderTest {

    @Test
    void fieldCodesAndCellMarksAreRemovedKeepingFieldResults() {
        String raw = "共\u0013 PAGE \\* MERGEFORMAT \u00144\u0015页\u0007";
        assertEquals("共4页", DocReader.clean(raw));
        String nested = "\u0013 IF \u0013 PAGE \u00141\u0015 = 1 \"a\" \u0014结果\u0015\r";
        assertEquals("结果\n", DocReader.clean(nested));
    }

    @Test
    void notAnOle2FileIsCorrupt() {
        UnreadableDocumentException e = assertThrows(UnreadableDocumentException.class,
                () -> new DocReader().read("plain text, not Word".getBytes(), ReadLimits.defaults()));
        assertEquals(QuarantineReason.CORRUPT, e.reason());
    }
}
