package io.disclosurelake.read;

/** Plain text: the one-cell-per-line export, tab-separated text, and text flattened from web pages. */
public final class TextReader implements FormatReader {
    @Override public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        throw new UnsupportedOperationException("built by the matcher work package");
    }
}
