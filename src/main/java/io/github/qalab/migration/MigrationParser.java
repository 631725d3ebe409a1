package io.github.qalab.migration;

import io.github.qalab.migration.MigrationFile.Downgrade;
import io.github.qalab.migration.MigrationFile.DowngradeState;
import io.github.qalab.migration.MigrationFile.Header;
import io.github.qalab.migration.MigrationFile.Kind;
import io.github.qalab.migration.MigrationFile.SqlPart;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one migration file into a {@link MigrationFile}; never throws for bad content. */
public final class MigrationParser {

    /** The start of the downgrade block; {@code /*} and the keyword may be separated by blanks. */
    static final Pattern DOWNGRADE_MARKER = Pattern.compile("/\\*[ \\t]*qalab:downgrade(?=\\s|\\*/|$)");

    private static final Pattern HEADER_LINE = Pattern.compile("^--\\s*([A-Za-z_]+)\\s*:\\s*(.*?)\\s*$");

    private MigrationParser() {
    }

    /** Reads and parses {@code path}, found in {@code location}. */
    public static MigrationFile read(Path path, Path location) {
        int number = -1;
        String description = "";
        Matcher name = MigrationFile.NAME.matcher(path.getFileName().toString());
        if (name.matches()) {
            number = Integer.parseInt(name.group(1));
            description = name.group(2);
        }
        if (!Files.isRegularFile(path)) {
            String why = Files.isSymbolicLink(path) && !Files.exists(path)
                    ? "is a symbolic link to nothing"
                    : "is not a regular file";
            return unreadable(path, location, number, description, Kind.NOT_REGULAR, why, 1);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return unreadable(path, location, number, description, Kind.IO_ERROR,
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", 1);
        }
        return parse(path, location, number, description, bytes);
    }

    /** Parses the bytes of a file whose name has already been split into number and description. */
    static MigrationFile parse(Path path, Path location, int number, String description, byte[] bytes) {
        int offset = startsWithBom(bytes) ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        String text;
        try {
            text = decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            int bad = firstMalformedByte(bytes, offset);
            return unreadable(path, location, number, description, Kind.NOT_UTF8,
                    String.format("is not valid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xFF, bad),
                    lineOfByte(bytes, bad));
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return parseText(path, location, number, description, text);
    }

    private static MigrationFile parseText(Path path, Path location, int number, String description, String text) {
        Header header = parseHeader(text);
        int headerEndOffset = offsetOfLine(text, header.endLine() + 1);
        Matcher marker = DOWNGRADE_MARKER.matcher(text);
        Downgrade downgrade;
        SqlPart upgrade;
        if (findMarker(marker, text, headerEndOffset)) {
            upgrade = new SqlPart(text.substring(headerEndOffset, marker.start()), header.endLine() + 1);
            downgrade = parseDowngrade(text, marker);
        } else {
            upgrade = new SqlPart(text.substring(headerEndOffset), header.endLine() + 1);
            downgrade = Downgrade.MISSING;
        }
        return new MigrationFile(path, location, number, description, Kind.READABLE, "", 0,
                header, upgrade, downgrade, text);
    }

    private static Header parseHeader(String text) {
        String revision = "";
        String downRevision = "";
        String message = "";
        int revisionLine = 0;
        int downRevisionLine = 0;
        int messageLine = 0;
        int lineNo = 0;
        int endLine = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                break;
            }
            endLine = lineNo;
            Matcher m = HEADER_LINE.matcher(trimmed);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(1).toLowerCase(java.util.Locale.ROOT);
            String value = m.group(2);
            switch (key) {
                case "revision" -> {
                    if (revisionLine == 0) {
                        revision = value;
                        revisionLine = lineNo;
                    }
                }
                case "down_revision" -> {
                    if (downRevisionLine == 0) {
                        downRevision = value;
                        downRevisionLine = lineNo;
                    }
                }
                case "message" -> {
                    if (messageLine == 0) {
                        message = value;
                        messageLine = lineNo;
                    }
                }
                default -> {
                    // any other comment in the header is allowed
                }
            }
        }
        return new Header(revision, revisionLine, downRevision, downRevisionLine, message, messageLine, endLine);
    }

    private static Downgrade parseDowngrade(String text, Matcher marker) {
        int markerLine = SqlText.lineOf(text, marker.start());
        int bodyStart = marker.end();
        int close = text.indexOf("*/", bodyStart);
        if (close < 0) {
            return malformed(markerLine, "is not closed with */", markerLine);
        }
        String body = text.substring(bodyStart, close);
        int nested = body.indexOf("/*");
        if (nested >= 0) {
            return malformed(markerLine, "contains a nested /* comment", SqlText.lineOf(text, bodyStart + nested));
        }
        String after = text.substring(close + 2);
        if (!after.isBlank()) {
            int afterStart = close + 2 + (after.length() - after.stripLeading().length());
            Matcher second = DOWNGRADE_MARKER.matcher(text);
            if (findMarker(second, text, close + 2)) {
                return malformed(markerLine, "appears more than once (again at line "
                        + SqlText.lineOf(text, second.start()) + ")", SqlText.lineOf(text, second.start()));
            }
            if (after.contains("*/")) {
                return malformed(markerLine, "contains */ before its end", SqlText.lineOf(text, close));
            }
            return malformed(markerLine, "is not the last thing in the file (text follows at line "
                    + SqlText.lineOf(text, afterStart) + ")", SqlText.lineOf(text, afterStart));
        }
        if (body.strip().equalsIgnoreCase("irreversible")) {
            return new Downgrade(DowngradeState.IRREVERSIBLE, "", markerLine, "", 0);
        }
        if (!SqlText.hasStatement(body)) {
            return new Downgrade(DowngradeState.EMPTY, "", markerLine, "", 0);
        }
        return new Downgrade(DowngradeState.SQL, body.strip() + "\n", markerLine, "", 0);
    }

    /**
     * Finds the next downgrade marker from {@code from}. Jumps between {@code /*} with {@code indexOf} and tries the
     * pattern only there: a regex scan of every position is what made parsing 999 files slow in a cold JVM.
     */
    private static boolean findMarker(Matcher marker, String text, int from) {
        int at = text.indexOf("/*", from);
        while (at >= 0) {
            marker.region(at, text.length());
            if (marker.lookingAt()) {
                return true;
            }
            at = text.indexOf("/*", at + 2);
        }
        return false;
    }

    private static Downgrade malformed(int markerLine, String detail, int detailLine) {
        return new Downgrade(DowngradeState.MALFORMED, "", markerLine, detail, detailLine);
    }

    private static MigrationFile unreadable(Path path, Path location, int number, String description, Kind kind,
                                            String problem, int line) {
        return new MigrationFile(path, location, number, description, kind, problem, line,
                Header.NONE, SqlPart.EMPTY, Downgrade.MISSING, "");
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static int firstMalformedByte(byte[] bytes, int offset) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        return Math.max(offset, bytes.length - 1);
    }

    private static int lineOfByte(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line; l++) {
            int eol = text.indexOf('\n', offset);
            if (eol < 0) {
                return text.length();
            }
            offset = eol + 1;
        }
        return offset;
    }
}
