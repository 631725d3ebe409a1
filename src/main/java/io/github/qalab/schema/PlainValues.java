package io.github.qalab.schema;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file holding one {@code Map} of plain JDK values ({@code Map}, {@code List}, {@code String}, {@code Boolean},
 * {@code Integer}, {@code Long}, {@code Double}, {@code null}) in a small tagged binary form: the request and answer
 * of the forked Hibernate worker ({@code io.github.qalab.hibernate.bridge.BridgeWorker}) and the shadow schema cache.
 * Java serialization took about 1 s for the 2 MB answer of 500 entities in a cold JVM; this form takes a few tens of
 * ms, and reading it can only ever produce those JDK values. Depends on the JDK only, so the worker JVM may use it.
 */
public final class PlainValues {

    private static final int MAGIC = 0x51414c01; // "QAL" and the format's version
    private static final int MAX_DEPTH = 64;

    private PlainValues() {
    }

    /**
     * Reads one map written by {@link #write}.
     *
     * @throws IOException when the file cannot be read or is not such a message
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a qalab plain-values file: " + file);
            }
            Object value = readValue(in, 0);
            if (!(value instanceof Map<?, ?>)) {
                throw new IOException("not a qalab plain-values file: " + file);
            }
            return (Map<String, Object>) value;
        } catch (RuntimeException e) {
            throw new IOException("not a qalab plain-values file: " + file + " (" + e + ")", e);
        }
    }

    /**
     * Writes {@code map} to {@code file}, replacing it.
     *
     * @throws IOException when the file cannot be written, or a value is not one of the JDK types above
     */
    public static void write(Path file, Map<String, Object> map) throws IOException {
        Files.write(file, bytes(map));
    }

    /**
     * The bytes {@link #write} writes for {@code map}, for a caller that writes them itself (atomically).
     *
     * @throws IOException when a value is not one of the JDK types above
     */
    public static byte[] bytes(Map<String, Object> map) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            writeValue(out, map, 0);
        }
        return bytes.toByteArray();
    }

    private static void writeValue(DataOutputStream out, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("a plain-values file nests deeper than " + MAX_DEPTH);
        }
        if (value == null) {
            out.writeByte('N');
        } else if (value instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeByte('S');
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? 'T' : 'F');
        } else if (value instanceof Integer i) {
            out.writeByte('I');
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte('J');
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte('D');
            out.writeDouble(d);
        } else if (value instanceof List<?> list) {
            out.writeByte('L');
            out.writeInt(list.size());
            for (Object item : list) {
                writeValue(out, item, depth + 1);
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte('M');
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeValue(out, e.getKey(), depth + 1);
                writeValue(out, e.getValue(), depth + 1);
            }
        } else {
            throw new IOException("a plain-values file cannot hold a " + value.getClass().getName());
        }
    }

    private static Object readValue(DataInputStream in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("a plain-values file nests deeper than " + MAX_DEPTH);
        }
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'N':
                return null;
            case 'S': {
                byte[] bytes = new byte[length(in)];
                in.readFully(bytes);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 'I':
                return in.readInt();
            case 'J':
                return in.readLong();
            case 'D':
                return in.readDouble();
            case 'L': {
                int size = length(in);
                List<Object> list = new ArrayList<>(Math.min(size, 1 << 16));
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in, depth + 1));
                }
                return list;
            }
            case 'M': {
                int size = length(in);
                Map<Object, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    Object key = readValue(in, depth + 1);
                    map.put(key, readValue(in, depth + 1));
                }
                return map;
            }
            default:
                throw new IOException("unknown tag " + tag + " in a plain-values file");
        }
    }

    private static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length in a plain-values file");
        }
        return n;
    }
}
