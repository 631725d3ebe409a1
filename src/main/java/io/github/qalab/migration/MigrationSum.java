package io.github.qalab.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checksum file {@code qalab.sum}: one line per migration with the SHA-256 of its text, and a last line with the
 * SHA-256 over those lines, so that an edited migration, a lost or extra file and a merge of two branches that each
 * added a migration all show up (the last one as a git conflict in this file).
 *
 * <p>Format, one entry per line, sorted by file name, LF line endings, UTF-8:
 * <pre>
 * # qalab.sum ... (comment lines start with #)
 * 001_create_app_user.sql sha256:&lt;64 hex digits&gt;
 * total sha256:&lt;64 hex digits&gt;
 * </pre>
 * A migration's hash is taken over its text as {@link MigrationParser} reads it: UTF-8 without BOM, CRLF and CR
 * turned into LF. A checkout with {@code core.autocrlf=true} therefore hashes like the committed file. A file that is
 * not valid UTF-8 is hashed over its raw bytes. The total is the SHA-256 of the entry lines, each followed by LF.
 *
 * @param entries the recorded hash per file name, in file-name order
 */
public record MigrationSum(Map<String, String> entries) {

    /** The file name, in the first migration location. */
    public static final String FILE_NAME = "qalab.sum";

    static final String HEADER = "# qalab.sum: SHA-256 of each migration's text (UTF-8, no BOM, LF line endings)."
            + " Written by mvn qalab:hash; do not edit by hand.";
    private static final String PREFIX = "sha256:";
    private static final String UNREADABLE = "cannot be read (";
    /** The largest qalab.sum read: 999 entries take about 100 KB. */
    static final long MAX_BYTES = 1024 * 1024;

    public MigrationSum {
        Map<String, String> sorted = new LinkedHashMap<>();
        entries.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        entries = java.util.Collections.unmodifiableMap(sorted);
    }

    /** The sum of every conventionally named file of the directory, as it is on disk now. */
    public static MigrationSum of(MigrationDirectory directory) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (MigrationFile file : directory.files()) {
            if (file.conventionalName()) {
                entries.put(file.fileName(), hashOf(file));
            }
        }
        return new MigrationSum(entries);
    }

    /**
     * The hash of one migration: over its normalised text when it is readable UTF-8, else over its bytes.
     *
     * @throws IOException when an unreadable file cannot be read as bytes either
     */
    public static String hashOf(MigrationFile file) throws IOException {
        if (file.readable() || !file.content().isEmpty()) { // text beyond a limit is still text
            return sha256(file.content().getBytes(StandardCharsets.UTF_8));
        }
        if (Files.isRegularFile(file.path())) {
            byte[] bytes = MigrationParser.readAtMost(file.path(), InputLimits.MAX_BYTES);
            if (bytes == null) {
                throw new Unhashable(file.fileName() + " is larger than " + InputLimits.MAX_BYTES / (1024 * 1024)
                        + " MB, so it is not hashed (QL008): split it or move it out of the migration folder first");
            }
            return sha256(bytes);
        }
        return sha256(new byte[0]);
    }

    /** A migration that cannot be hashed at all (larger than {@link InputLimits#MAX_BYTES}); the message says why. */
    public static final class Unhashable extends IOException {
        private static final long serialVersionUID = 1L;

        Unhashable(String message) {
            super(message);
        }
    }

    /** Where the sum of a directory lives: {@code qalab.sum} in its first location; empty without locations. */
    public static Optional<Path> location(MigrationDirectory directory) {
        return directory.locations().isEmpty()
                ? Optional.empty()
                : Optional.of(directory.locations().get(0).resolve(FILE_NAME));
    }

    /** The hash over all entry lines, as written on the {@code total} line. */
    public String total() {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            lines.append(entryLine(e.getKey(), e.getValue())).append('\n');
        }
        return sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The file's exact text: deterministic for the same entries, LF line endings. */
    public String render() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, String> e : entries.entrySet()) {
            text.append(entryLine(e.getKey(), e.getValue())).append('\n');
        }
        return text.append("total ").append(PREFIX).append(total()).append('\n').toString();
    }

    private static String entryLine(String name, String hash) {
        return name + " " + PREFIX + hash;
    }

    /**
     * Writes the sum to {@code file} atomically (a hidden temporary file in the same folder, then a rename), so that a
     * crash never leaves half a sum.
     *
     * @return true when the file changed, false when it already held exactly these bytes
     */
    public boolean write(Path file) throws IOException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(file + " exists and is not a regular file (a link, folder or device), which the"
                    + " rename would replace: remove it first");
        }
        byte[] bytes = render().getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        AtomicFiles.write(file, bytes, true);
        return true;
    }

    /**
     * Rescans the locations and writes their {@code qalab.sum} (the API {@code generate} calls after writing a new
     * migration, and what {@code qalab:hash} does).
     *
     * @return the sum written and whether the file changed
     * @throws IOException when a folder cannot be listed or the sum cannot be written
     * @throws IllegalArgumentException when no location is given
     */
    public static Written update(List<Path> locations) throws IOException {
        return update(MigrationDirectory.scan(locations));
    }

    /** Writes the sum of an already scanned directory; see {@link #update(List)}. */
    public static Written update(MigrationDirectory directory) throws IOException {
        Path file = location(directory).orElseThrow(
                () -> new IllegalArgumentException("no migration location to write " + FILE_NAME + " into"));
        MigrationSum sum = of(directory);
        return new Written(file, sum, sum.write(file));
    }

    /** The outcome of {@link #update}: where, what, and whether the bytes changed. */
    public record Written(Path file, MigrationSum sum, boolean changed) {
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * A {@code qalab.sum} as read from disk, with every problem found in it; the entries hold whatever lines were
     * readable.
     *
     * @param file     the file read
     * @param entries  the entries found, by file name, with the line each was found on
     * @param problems what makes the file unusable (conflict markers, bad lines, duplicates, a wrong total)
     */
    public record Recorded(Path file, Map<String, RecordedEntry> entries, List<Problem> problems) {

        /**
         * A sum file that exists but cannot be read at all (a link to nowhere, a folder, too large): one problem, no
         * entries, and nothing to compare the migrations with.
         */
        public static Recorded unreadable(Path file, String why) {
            return new Recorded(file, Map.of(), List.of(new Problem(1, UNREADABLE + why + ")", false)));
        }

        /** True when the file could not be read, so that no migration can be compared with it. */
        public boolean unreadable() {
            return problems.size() == 1 && problems.get(0).message().startsWith(UNREADABLE);
        }

        /** True when nothing is wrong with the file itself. */
        public boolean intact() {
            return problems.isEmpty();
        }

        /** True when git left conflict markers in the file. */
        public boolean conflicted() {
            return problems.stream().anyMatch(Problem::conflict);
        }
    }

    /** One entry line: the recorded hash and the 1-based line it is on. */
    public record RecordedEntry(String fileName, String hash, int line) {
    }

    /** Something wrong with the sum file itself, at a 1-based line. */
    public record Problem(int line, String message, boolean conflict) {
    }

    /**
     * Reads the sum file; never throws for bad content (that is a {@link Problem}), only when the file cannot be read.
     *
     * @return empty when the file does not exist
     */
    public static Optional<Recorded> read(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.exists(file)) {
            throw new IOException("it is a symbolic link that leads nowhere (its target is missing, or the links form"
                    + " a loop)");
        }
        if (Files.isSymbolicLink(file)) {
            // its lines would be quoted in QL012 messages: a link could show any file of the build machine
            throw new IOException("it is a symbolic link, which qalab does not read through");
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("it is not a regular file (a folder, device or pipe)");
        }
        byte[] bytes = MigrationParser.readAtMost(file, MAX_BYTES, LinkOption.NOFOLLOW_LINKS);
        if (bytes == null) {
            throw new IOException("it is larger than " + MAX_BYTES / 1024 + " KB, far more than the sum of 999"
                    + " migrations");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return Optional.of(parse(file, text.replace("\r\n", "\n").replace('\r', '\n')));
    }

    /** The file names recorded in the text of a {@code qalab.sum} (as {@code git show} returns an older one). */
    public static java.util.Set<String> parseNames(String text) {
        return parse(Path.of(FILE_NAME), text.replace("\r\n", "\n")).entries().keySet();
    }

    static Recorded parse(Path file, String text) {
        Map<String, RecordedEntry> entries = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        String storedTotal = null;
        int totalLine = 0;
        int lastContentLine = 0;
        StringBuilder entryText = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            lastContentLine = lineNo;
            if (line.startsWith("<<<<<<<") || line.startsWith("=======") || line.startsWith(">>>>>>>")
                    || line.startsWith("|||||||")) {
                problems.add(new Problem(lineNo, "git conflict marker " + line.split("\\s")[0]
                        + ": two branches changed the migrations", true));
                continue;
            }
            // not String.split: a regex per line is measurable in verify's cold-start budget
            int space = line.indexOf(' ');
            String[] parts = space < 0 || line.indexOf(' ', space + 1) >= 0
                    ? new String[] {line}
                    : new String[] {line.substring(0, space), line.substring(space + 1)};
            if (parts.length != 2 || !parts[1].startsWith(PREFIX) || !isHex(parts[1].substring(PREFIX.length()))) {
                problems.add(new Problem(lineNo, "unreadable line '" + abbreviate(line)
                        + "' (expected '<file> sha256:<64 hex digits>')", false));
                continue;
            }
            String hash = parts[1].substring(PREFIX.length());
            if (parts[0].equals("total")) {
                if (storedTotal != null) {
                    problems.add(new Problem(lineNo, "a second total line (the first is line " + totalLine + ")",
                            false));
                }
                storedTotal = hash;
                totalLine = lineNo;
                continue;
            }
            if (storedTotal != null && totalLine < lineNo) {
                problems.add(new Problem(lineNo, "entry " + parts[0] + " after the total line", false));
            }
            RecordedEntry previous = entries.putIfAbsent(parts[0], new RecordedEntry(parts[0], hash, lineNo));
            if (previous != null) {
                problems.add(new Problem(lineNo, parts[0] + " is listed twice (also at line " + previous.line() + ")",
                        false));
            }
            entryText.append(entryLine(parts[0], hash)).append('\n');
        }
        if (storedTotal == null) {
            problems.add(new Problem(Math.max(lastContentLine, 1), "no 'total sha256:' line", false));
        } else if (problems.isEmpty()) {
            // the total covers the entries in file order; render() writes them sorted, so a hand-reordered file fails
            String computed = sha256(entryText.toString().getBytes(StandardCharsets.UTF_8));
            if (!computed.equals(storedTotal)) {
                problems.add(new Problem(totalLine, "the total hash does not match the lines above it: the file was "
                        + "edited by hand or merged line by line", false));
            }
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return new Recorded(file, entries, List.copyOf(problems));
    }

    private static boolean isHex(String text) {
        if (text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
