package io.github.qalab.migration;

import io.github.qalab.migration.MigrationFile.Downgrade;
import io.github.qalab.migration.MigrationFile.DowngradeState;
import io.github.qalab.migration.MigrationFile.Header;
import io.github.qalab.migration.MigrationFile.Kind;
import io.github.qalab.migration.MigrationFile.SqlPart;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        if (Files.isSymbolicLink(path)) {
            String why = !Files.exists(path) ? "is a symbolic link to nothing (its target is missing, or the links loop)"
                    : "is a symbolic link: qalab does not read through links, because on a build machine a link in a"
                    + " pull request can point at any file (a key, settings.xml) whose text would end up in messages";
            return unreadable(path, location, number, description, Kind.NOT_REGULAR, why, 1);
        }
        if (!Files.isRegularFile(path)) {
            return unreadable(path, location, number, description, Kind.NOT_REGULAR, "is not a regular file", 1);
        }
        byte[] bytes;
        try {
            bytes = readAtMost(path, InputLimits.MAX_BYTES, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return unreadable(path, location, number, description, Kind.IO_ERROR,
                    "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", 1);
        }
        if (bytes == null) {
            return unreadable(path, location, number, description, Kind.OVER_LIMIT, "is " + size(path)
                    + ", larger than the " + InputLimits.MAX_BYTES / (1024 * 1024) + " MB a migration may be: it is not"
                    + " read, so that neither qalab nor Flyway hangs or runs out of memory on it", 1);
        }
        return parse(path, location, number, description, bytes);
    }

    /**
     * A file found in a sub-folder of {@code location}: never a migration (its number is -1, so it is in no chain and no
     * sum) and not read, only named, so that the convention reports where it is.
     */
    static MigrationFile nested(Path path, Path location) {
        return new MigrationFile(path, location, -1, "", Kind.READABLE, "", 0, Header.NONE, SqlPart.EMPTY,
                Downgrade.MISSING, "");
    }

    /** An entry of a location that cannot be read as a file at all, with why (e.g. a link that loops). */
    static MigrationFile unreadable(Path path, Path location, Kind kind, String problem) {
        Matcher name = MigrationFile.NAME.matcher(path.getFileName().toString());
        boolean conventional = name.matches();
        return unreadable(path, location, conventional ? Integer.parseInt(name.group(1)) : -1,
                conventional ? name.group(2) : "", kind, problem, 1);
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
        if (text.startsWith("\uFEFF")) {
            return unreadable(path, location, number, description, Kind.NOT_UTF8, "starts with two byte-order marks"
                    + " (U+FEFF): Flyway strips one and sends the other to the database, and the header behind it"
                    + " cannot be read", 1);
        }
        Optional<InputLimits.Exceeded> exceeded = InputLimits.check(text);
        if (exceeded.isPresent()) {
            // the text is kept, so that qalab.sum hashes it like any migration's text (no false QL010)
            return new MigrationFile(path, location, number, description,
                    exceeded.get().character() ? Kind.UNKNOWN_CHARACTER : Kind.OVER_LIMIT, exceeded.get().problem(),
                    exceeded.get().line(), Header.NONE, SqlPart.EMPTY, Downgrade.MISSING, text);
        }
        MigrationFile file = parseText(path, location, number, description, text);
        if (file.downgrade().state() == DowngradeState.SQL) {
            // qalab:downgrade runs the block's SQL: it must stay within the same bounds as the upgrade
            Optional<InputLimits.Exceeded> inBlock = InputLimits.check(downgradeView(text, file.downgrade().line()));
            if (inBlock.isPresent()) {
                return new MigrationFile(path, location, number, description,
                        inBlock.get().character() ? Kind.UNKNOWN_CHARACTER : Kind.OVER_LIMIT,
                        inBlock.get().problem() + " (in the downgrade block)", inBlock.get().line(), Header.NONE,
                        SqlPart.EMPTY, Downgrade.MISSING, text);
            }
        }
        return file;
    }

    /**
     * The text with everything but the downgrade block's SQL blanked out (line breaks kept, so lines stay the file's),
     * for checking that SQL as the statements {@code qalab:downgrade} runs.
     */
    private static String downgradeView(String text, int markerLine) {
        int start = offsetOfLine(text, markerLine);
        Matcher marker = DOWNGRADE_MARKER.matcher(text);
        int bodyStart = findMarker(marker, text, start) ? marker.end() : text.length();
        int close = text.indexOf("*/", bodyStart);
        int bodyEnd = close < 0 ? text.length() : close;
        StringBuilder view = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            view.append(c == '\n' || i >= bodyStart && i < bodyEnd ? c : ' ');
        }
        return view.toString();
    }

    /** The file's bytes, or {@code null} when it holds more than {@code limit} (read no further than that). */
    static byte[] readAtMost(Path path, long limit, java.nio.file.OpenOption... options) throws IOException {
        try (InputStream in = Files.newInputStream(path, options)) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    private static String size(Path path) {
        try {
            long bytes = Files.size(path);
            return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                    : String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        } catch (IOException e) {
            return "too large";
        }
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

    /** One {@code -- key: value} line of a header. */
    public record HeaderEntry(String key, String value, int line) {
    }

    /**
     * Every {@code -- key: value} line of the header (the leading {@code --} lines), keys lower-cased, in file order;
     * a key may appear more than once (the first one counts, see {@link #parseHeader}).
     */
    public static List<HeaderEntry> headerEntries(String text) {
        return scanHeader(text).entries();
    }

    /** The header's entries and its last line (0 when the file does not start with a comment line). */
    private record HeaderScan(List<HeaderEntry> entries, int endLine) {
    }

    private static HeaderScan scanHeader(String text) {
        List<HeaderEntry> entries = new ArrayList<>();
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
            if (m.matches()) {
                entries.add(new HeaderEntry(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2), lineNo));
            }
        }
        return new HeaderScan(entries, endLine);
    }

    private static Header parseHeader(String text) {
        HeaderScan scan = scanHeader(text);
        int endLine = scan.endLine();
        Map<String, HeaderEntry> first = new java.util.HashMap<>();
        for (HeaderEntry e : scan.entries()) {
            first.putIfAbsent(e.key(), e);
        }
        HeaderEntry revision = first.get("revision");
        HeaderEntry down = first.get("down_revision");
        HeaderEntry message = first.get("message");
        return new Header(revision == null ? "" : revision.value(), revision == null ? 0 : revision.line(),
                down == null ? "" : down.value(), down == null ? 0 : down.line(),
                message == null ? "" : message.value(), message == null ? 0 : message.line(), endLine);
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
