package io.disclosurelake.sql;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;

/**
 * The few bytes a {@code sql} call and its {@link ResidentSqlSession} exchange over a Unix socket.
 * Call: magic, version, the caller's build fingerprint, a command ({@link #QUERY} with a {@link SqlRequest},
 * {@link #STOP}). Answer: frames {@code kind, length, bytes} — standard output, standard error — ending with
 * {@link #EXIT} and the status, or {@link #RESTART} when the session runs another build than the caller.
 */
final class SqlWire {
    private SqlWire() {}

    static final int MAGIC = 0x44_4C_53_51; // "DLSQ"
    static final int VERSION = 1;

    static final byte QUERY = 1;
    static final byte STOP = 2;

    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    static final byte RESTART = 4;

    /** The caller closed the connection (Ctrl-C) while its answer was written: no one left to tell. */
    static final class CallerGone extends UncheckedIOException {
        CallerGone(IOException cause) {
            super("the sql caller closed the connection", cause);
        }
    }

    /** A stream whose writes become frames of one kind on a connection shared with other kinds. */
    static OutputStream frames(DataOutputStream conn, byte kind) {
        return new OutputStream() {
            @Override public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override public void write(byte[] b, int off, int len) {
                if (len == 0) return;
                synchronized (conn) {
                    try {
                        conn.writeByte(kind);
                        conn.writeInt(len);
                        conn.write(b, off, len);
                    } catch (IOException e) {
                        // The caller went away (Ctrl-C): stop the query rather than compute for no one.
                        throw new CallerGone(e);
                    }
                }
            }

            @Override public void flush() {
                synchronized (conn) {
                    try {
                        conn.flush();
                    } catch (IOException e) {
                        throw new CallerGone(e);
                    }
                }
            }
        };
    }

    static void exit(DataOutputStream conn, byte kind, int status) throws IOException {
        synchronized (conn) {
            conn.writeByte(kind);
            conn.writeInt(status);
            conn.flush();
        }
    }

    // The channel's own streams (Channels.newInputStream) hold a lock while a read blocks, which would stop the
    // answer's writes while a thread waits for the caller to hang up; these call the channel directly.
    static InputStream inputOf(SocketChannel ch) {
        return new InputStream() {
            @Override public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) return 0;
                return ch.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    static OutputStream outputOf(SocketChannel ch) {
        return new OutputStream() {
            @Override public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) ch.write(buf);
            }
        };
    }

    /** Text of one kind of frame: a character whose bytes a frame boundary splits is kept until the next frame. */
    static final class Utf8Frames {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private byte[] pending = new byte[0];

        String decode(byte[] frame) {
            ByteBuffer in = ByteBuffer.allocate(pending.length + frame.length).put(pending).put(frame).flip();
            CharBuffer text = CharBuffer.allocate(in.remaining());
            decoder.decode(in, text, false);
            pending = new byte[in.remaining()];
            in.get(pending);
            return text.flip().toString();
        }
    }
}
