package io.disclosurelake.read;

/** The reader for each format. */
public final class Readers {
    private Readers() {}

    public static FormatReader forFormat(DocumentFormat format) {
        return switch (format) {
            case TXT -> new TextReader();
            default -> null; // built by the readers work package
        };
    }
}
