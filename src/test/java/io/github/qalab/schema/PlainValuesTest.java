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
}
