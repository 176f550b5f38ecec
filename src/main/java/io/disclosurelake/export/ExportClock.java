package io.disclosurelake.export;

import java.time.Instant;

/**
 * The time an export says it was made (the HTML report's 生成时间, the XLSX document's creation date). Now,
 * unless the environment variable {@code SOURCE_DATE_EPOCH} (the reproducible-builds convention: seconds since
 * 1970) — or the system property {@value #PROPERTY} — fixes it: two nights over the same lake then write the
 * same bytes, so exports can be compared byte for byte (docs/job.md "Exports written whole").
 */
public final class ExportClock {
    public static final String PROPERTY = "disclosurelake.sourceDateEpoch";

    private ExportClock() {}

    public static Instant now() {
        String fixed = System.getProperty(PROPERTY, System.getenv("SOURCE_DATE_EPOCH"));
        if (fixed != null && !fixed.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(fixed.strip()));
            } catch (NumberFormatException e) {
                // not a number of seconds: the real time, as without it
            }
        }
        return Instant.now();
    }
}
