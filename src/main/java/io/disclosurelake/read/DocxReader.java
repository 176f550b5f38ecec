package io.disclosurelake.read;

public final class DocxReader implements FormatReader {
    @Override public Grid read(byte[] bytes, ReadLimits limits) throws UnreadableDocumentException {
        throw new UnsupportedOperationException("not yet");
    }
}
