package io.github.qalab.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain-values file of the Hibernate worker and the shadow cache: exact round trips, and refusals. */
class PlainValuesTest {

    @TempDir
    Path dir;

    @Test
    void everyPlainValueComesBackAsItWasWritten() throws IOException {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("unicode", "Größe \u00e9 \u4e2d \ud83d\ude00");
        nested.put("empty", "");
        nested.put("nothing", null);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "x".repeat(70_000)); // longer than DataOutput.writeUTF allows
        map.put("yes", true);
        map.put("no", false);
        map.put("int", Integer.MIN_VALUE);
        map.put("long", Long.MAX_VALUE);
        map.put("double", 2.5);
        map.put("list", Arrays.asList(1, "two", null, List.of(3L)));
        map.put("map", nested);
        Path file = dir.resolve("values.bin");
        PlainValues.write(file, map);
        Map<String, Object> back = PlainValues.read(file);
        assertEquals(map, back);
        assertEquals(new ArrayList<>(map.keySet()), new ArrayList<>(back.keySet()), "the order of the keys is kept");
    }

    @Test
    void aValueOfAnotherTypeIsRefusedWhenWriting() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("path", Path.of("x"));
        IOException e = assertThrows(IOException.class, () -> PlainValues.write(dir.resolve("bad.bin"), map));
        assertTrue(e.getMessage().contains("sun.nio.fs") || e.getMessage().contains("Path"), e.getMessage());
    }

    @Test
    void aFileThatIsNoPlainValuesFileIsAnIoExceptionNotACrash() throws IOException {
        Path other = dir.resolve("other.bin");
        Files.writeString(other, "not the format at all");
        assertThrows(IOException.class, () -> PlainValues.read(other));
        Path truncated = dir.resolve("truncated.bin");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", "a value long enough to cut");
        PlainValues.write(truncated, map);
        byte[] bytes = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 5));
        assertThrows(IOException.class, () -> PlainValues.read(truncated));
    }

    @Test
    void aLengthBeyondTheEndOfTheFileIsAnIoException() throws IOException {
        Path file = dir.resolve("huge.bin");
        // magic, a map of one entry whose key claims 2 GB
        Files.write(file, new byte[]{0x51, 0x41, 0x4c, 0x01, 'M', 0, 0, 0, 1, 'S', 0x7f, (byte) 0xff, (byte) 0xff, 0});
        assertThrows(IOException.class, () -> PlainValues.read(file));
    }

    /** The format is the one java.io.DataOutputStream wrote before (big-endian), so files of earlier builds read. */
    @Test
    void theBytesAreTheDataStreamFormat() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("s", "Gr\u00f6\u00dfe");
        map.put("i", -7);
        map.put("j", Long.MIN_VALUE + 3);
        map.put("d", -2.5);
        map.put("l", List.of(true, false));
        map.put("n", null);
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(expected)) {
            out.writeInt(0x51414c01);
            out.writeByte('M');
            out.writeInt(6);
            key(out, "s");
            byte[] utf8 = "Gr\u00f6\u00dfe".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeByte('S');
            out.writeInt(utf8.length);
            out.write(utf8);
            key(out, "i");
            out.writeByte('I');
            out.writeInt(-7);
            key(out, "j");
            out.writeByte('J');
            out.writeLong(Long.MIN_VALUE + 3);
            key(out, "d");
            out.writeByte('D');
            out.writeDouble(-2.5);
            key(out, "l");
            out.writeByte('L');
            out.writeInt(2);
            out.writeByte('T');
            out.writeByte('F');
            key(out, "n");
            out.writeByte('N');
        }
        assertEquals(Arrays.toString(expected.toByteArray()), Arrays.toString(PlainValues.bytes(map)));
        Path file = dir.resolve("stream.bin");
        Files.write(file, expected.toByteArray());
        assertEquals(map, PlainValues.read(file));
    }

    private static void key(java.io.DataOutputStream out, String key) throws IOException {
        out.writeByte('S');
        out.writeInt(key.length());
        out.writeBytes(key);
    }
}
