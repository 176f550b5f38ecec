package io.disclosurelake.sql;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bytes between a sql call and its resident session. */
class SqlWireTest {
    @Test void aCharacterSplitAcrossFramesArrivesWhole() {
        String text = "长春市人民政府 | 910\n吉林省𠀀\n";
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= b.length; cut++) {
            for (int cut2 = cut; cut2 <= b.length; cut2++) {
                SqlWire.Utf8Frames frames = new SqlWire.Utf8Frames();
                String got = frames.decode(Arrays.copyOfRange(b, 0, cut)) + frames.decode(Arrays.copyOfRange(b, cut, cut2))
                        + frames.decode(Arrays.copyOfRange(b, cut2, b.length));
                assertEquals(text, got, "cut at " + cut + " and " + cut2);
            }
        }
    }

    @Test void framesOfTwoKindsOnOneConnection() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream conn = new DataOutputStream(bytes);
        SqlWire.frames(conn, SqlWire.OUT).write("a\n".getBytes(StandardCharsets.UTF_8));
        SqlWire.frames(conn, SqlWire.ERR).write("sql: 错\n".getBytes(StandardCharsets.UTF_8));
        SqlWire.exit(conn, SqlWire.EXIT, 2);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(SqlWire.OUT, in.readByte());
        assertEquals("a\n", new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
        assertEquals(SqlWire.ERR, in.readByte());
        assertEquals("sql: 错\n", new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8));
        assertEquals(SqlWire.EXIT, in.readByte());
        assertEquals(2, in.readInt());
    }

    @Test void requestsSurviveTheTrip() throws IOException {
        String longScript = "SELECT '" + "长".repeat(40_000) + "' AS x"; // beyond writeUTF's 64 KB
        for (SqlRequest r : new SqlRequest[] {
                new SqlRequest("/lake", longScript, SqlShell.Format.JSON, 7, false, true),
                new SqlRequest("s3a://bucket/lake", null, SqlShell.Format.TABLE, 1000, true, false)}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            r.writeTo(new DataOutputStream(bytes));
            assertEquals(r, SqlRequest.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));
        }
    }
}
