package io.disclosurelake.read;

public final class DocReader implements FormatReader {
    @Override public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        throw new UnsupportedOperationException("not yet");
    }
}
