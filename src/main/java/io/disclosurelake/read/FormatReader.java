package io.disclosurelake.read;

/** Turns the bytes of one format into a {@link Grid}. Implementations are stateless and thread-safe. */
public interface FormatReader {
    Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException;
}
