package io.github.qalab.schema;

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
    public static Map<String, Object> read(Path file) throws IOException {
        return decode(readBounded(file), file.toString());
    }

    /**
     * Reads one map from {@code bytes} as {@link #bytes} wrote them; {@code source} names them in messages.
     *
     * @throws IOException when the bytes are not such a message
     */
    public static Map<String, Object> decode(byte[] bytes, String source) throws IOException {
        return decode(bytes, 0, source);
    }

    /** {@link #decode(byte[], String)} of the bytes from {@code offset} on (a file with a header of its own). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> decode(byte[] bytes, int offset, String source) throws IOException {
        // Decoded from the array: a data stream over a buffered stream takes a synchronized call per byte, which in a
        // cold JVM cost about a tenth of a second for the answer of 500 entities.
        Reader in = new Reader(bytes, offset);
        try {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a qalab plain-values file: " + source);
            }
            Object value = readValue(in, 0);
            if (!(value instanceof Map<?, ?>)) {
                throw new IOException("not a qalab plain-values file: " + source);
            }
            return (Map<String, Object>) value;
        } catch (java.io.EOFException e) {
            throw new java.io.EOFException("not a qalab plain-values file: " + source + " (it ends early)");
        } catch (RuntimeException e) {
            throw new IOException("not a qalab plain-values file: " + source + " (" + e + ")", e);
        }
    }

    /** The most bytes {@link #readBounded} reads: the answer for 500 entities takes about 2 MB. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    /**
     * The bytes of {@code file}, refused (an IOException) when it is larger than {@value #MAX_BYTES} bytes, so that a
     * damaged or planted file is an error, not a heap exhausted.
     */
    public static byte[] readBounded(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > MAX_BYTES) {
                throw new IOException(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MB: no qalab"
                        + " plain-values file");
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read until full or the end
            }
            if (buffer.hasRemaining()) {
                throw new java.io.EOFException(file + " ended while it was read");
            }
            return buffer.array();
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
        Writer out = new Writer();
        out.writeInt(MAGIC);
        writeValue(out, map, 0);
        return out.toByteArray();
    }

    private static void writeValue(Writer out, Object value, int depth) throws IOException {
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
            out.writeLong(Double.doubleToLongBits(d));
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

    private static Object readValue(Reader in, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("a plain-values file nests deeper than " + MAX_DEPTH);
        }
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'N':
                return null;
            case 'S':
                return in.readString(length(in));
            case 'T':
                return Boolean.TRUE;
            case 'F':
                return Boolean.FALSE;
            case 'I':
                return in.readInt();
            case 'J':
                return in.readLong();
            case 'D':
                return Double.longBitsToDouble(in.readLong());
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

    private static int length(Reader in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("negative length in a plain-values file");
        }
        return n;
    }

    /** Big-endian reads from a byte array, as {@link java.io.DataInputStream} reads them from a stream. */
    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes, int offset) {
            this.bytes = bytes;
            this.at = offset;
        }

        private void need(int n) throws java.io.EOFException {
            if (n > bytes.length - at) {
                throw new java.io.EOFException();
            }
        }

        int readUnsignedByte() throws java.io.EOFException {
            need(1);
            return bytes[at++] & 0xff;
        }

        int readInt() throws java.io.EOFException {
            need(4);
            int v = (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8
                    | bytes[at + 3] & 0xff;
            at += 4;
            return v;
        }

        long readLong() throws java.io.EOFException {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        String readString(int length) throws java.io.EOFException {
            need(length);
            String s = new String(bytes, at, length, StandardCharsets.UTF_8);
            at += length;
            return s;
        }
    }

    /** Big-endian writes into a growing byte array, as {@link java.io.DataOutputStream} writes them. */
    private static final class Writer {
        private byte[] bytes = new byte[1 << 16];
        private int size;

        private void room(int n) {
            if (n > bytes.length - size) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }

        void writeByte(int b) {
            room(1);
            bytes[size++] = (byte) b;
        }

        void writeInt(int v) {
            room(4);
            bytes[size] = (byte) (v >>> 24);
            bytes[size + 1] = (byte) (v >>> 16);
            bytes[size + 2] = (byte) (v >>> 8);
            bytes[size + 3] = (byte) v;
            size += 4;
        }

        void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        void write(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }
    }
}
