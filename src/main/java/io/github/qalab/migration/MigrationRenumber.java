package io.github.qalab.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The merge fix: when two migrations share a number (QL005, two heads after a merge), moves the one(s) not in the
 * main history to the next free numbers, rewriting their {@code -- revision} and {@code -- down_revision} lines and
 * {@code qalab.sum}.
 *
 * <p>Which file of a pair moves: the one named by the user, else the newest by git commit time (a file never
 * committed counts as newest), else (no git) by modification time; a migration applied in the database never moves.
 */
public final class MigrationRenumber {

    private MigrationRenumber() {
    }

    /** One file to move. */
    public record Move(MigrationFile file, int newNumber, Path target) {

        /** {@code 004_add_invoice.sql → 006_add_invoice.sql} */
        public String describe() {
            return file.fileName() + " \u2192 " + target.getFileName() + " (-- revision: " + version(newNumber)
                    + ", -- down_revision: " + version(newNumber - 1) + ")";
        }
    }

    /**
     * What will move and why.
     *
     * @param moves the files to move, in the order they get their new numbers
     * @param notes how the choice was made (e.g. "no git: by modification time"), one line each
     */
    public record Plan(List<Move> moves, List<String> notes) {
    }

    /**
     * Plans the moves.
     *
     * @param chosen  the file name the user named ({@code -Dqalab.file}), or empty for the newest of each pair
     * @param applied the file names applied in the database (empty when no database is configured)
     * @param git     where to ask for commit times
     * @throws RenumberException when nothing shares a number, the named file is not one of a pair or is applied, or
     *                           every file of a pair is applied
     */
    public static Plan plan(MigrationDirectory directory, Optional<String> chosen, Set<String> applied,
                            GitHistory git) throws RenumberException {
        Map<Integer, List<MigrationFile>> byNumber = directory.files().stream()
                .filter(MigrationFile::conventionalName)
                .collect(Collectors.groupingBy(MigrationFile::number, TreeMap::new, Collectors.toList()));
        Map<Integer, List<MigrationFile>> pairs = new TreeMap<>();
        byNumber.forEach((number, files) -> {
            if (files.size() > 1) {
                pairs.put(number, files);
            }
        });
        if (pairs.isEmpty()) {
            throw new RenumberException("No two migrations share a number: nothing to renumber");
        }
        List<String> notes = new ArrayList<>();
        List<MigrationFile> moving = new ArrayList<>();
        if (chosen.isPresent()) {
            String name = Path.of(chosen.get().strip()).getFileName().toString();
            MigrationFile file = pairs.values().stream().flatMap(List::stream)
                    .filter(f -> f.fileName().equals(name)).findFirst()
                    .orElseThrow(() -> new RenumberException("qalab.file=" + chosen.get() + " is not one of the "
                            + "migrations that share a number (" + names(pairs) + ")"));
            if (applied.contains(name)) {
                throw new RenumberException(name + " is applied in the database: it is part of the main history and "
                        + "keeps its number; name the other file with -Dqalab.file=");
            }
            moving.add(file);
            // other pairs, if any, still get the default choice
            for (List<MigrationFile> files : pairs.values()) {
                if (!files.contains(file)) {
                    moving.addAll(newest(files, applied, git, notes));
                }
            }
        } else {
            for (List<MigrationFile> files : pairs.values()) {
                moving.addAll(newest(files, applied, git, notes));
            }
        }
        for (MigrationFile file : moving) {
            if (!file.readable()) {
                throw new RenumberException(file.fileName() + " " + file.problem() + ": fix it first (QL008)");
            }
        }
        int next = directory.nextNumber();
        List<Move> moves = new ArrayList<>();
        for (MigrationFile file : moving.stream().sorted(Comparator.comparingInt(MigrationFile::number)).toList()) {
            if (next > 999) {
                throw new RenumberException("no free number left after 999 for " + file.fileName());
            }
            String name = version(next) + "_" + file.description() + ".sql";
            moves.add(new Move(file, next, file.path().resolveSibling(name)));
            next++;
        }
        return new Plan(List.copyOf(moves), List.copyOf(notes));
    }

    /** All files of a pair but the one that stays: the oldest, or the one applied. */
    private static List<MigrationFile> newest(List<MigrationFile> files, Set<String> applied, GitHistory git,
                                              List<String> notes) throws RenumberException {
        List<MigrationFile> inDatabase = files.stream().filter(f -> applied.contains(f.fileName())).toList();
        if (inDatabase.size() > 1) {
            throw new RenumberException(names(inDatabase) + " are all applied in the database: renumbering cannot "
                    + "fix that history; resolve it by hand");
        }
        MigrationFile stays;
        if (inDatabase.size() == 1) {
            stays = inDatabase.get(0);
            notes.add(stays.fileName() + " stays: it is applied in the database");
        } else {
            Function<MigrationFile, Long> age = ages(files, git, notes);
            stays = files.stream().min(Comparator.comparing(age).thenComparing(MigrationFile::fileName)).orElseThrow();
        }
        return files.stream().filter(f -> f != stays).toList();
    }

    private static Function<MigrationFile, Long> ages(List<MigrationFile> files, GitHistory git, List<String> notes) {
        Map<MigrationFile, Long> times = new LinkedHashMap<>();
        if (git.available()) {
            for (MigrationFile file : files) {
                Optional<Long> committed = git.commitTime(file.path());
                times.put(file, committed.orElse(Long.MAX_VALUE)); // never committed: the newest
                notes.add(file.fileName() + ": " + committed.map(t -> "committed " + java.time.Instant.ofEpochSecond(t))
                        .orElse("not committed (counts as newest)"));
            }
        } else {
            for (MigrationFile file : files) {
                long modified;
                try {
                    modified = Files.getLastModifiedTime(file.path()).toMillis() / 1000;
                } catch (IOException e) {
                    modified = Long.MAX_VALUE;
                }
                times.put(file, modified);
            }
            String note = "no git work tree here: chose the newest by file modification time";
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        return times::get;
    }

    /**
     * Carries out the plan: writes each moved migration under its new name with its new header (atomically), removes
     * the old file, and updates {@code qalab.sum} when there is one (the moved entries only; other recorded hashes are
     * kept as they were).
     *
     * @return whether {@code qalab.sum} was updated
     */
    public static boolean apply(MigrationDirectory directory, Plan plan) throws IOException {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Move move : plan.moves()) {
            byte[] raw = Files.readAllBytes(move.file().path());
            String text = new String(raw, StandardCharsets.UTF_8);
            boolean bom = text.startsWith("\uFEFF");
            boolean crlf = text.contains("\r\n");
            String content = rewriteHeader(move.file(), move.newNumber());
            String out = (bom ? "\uFEFF" : "") + (crlf ? content.replace("\n", "\r\n") : content);
            AtomicFiles.write(move.target(), out.getBytes(StandardCharsets.UTF_8), false);
            Files.delete(move.file().path());
            renamed.put(move.file().fileName(), move.target().getFileName().toString());
        }
        Optional<Path> sumFile = MigrationSum.location(directory);
        if (sumFile.isEmpty()) {
            return false;
        }
        Optional<MigrationSum.Recorded> recorded = MigrationSum.read(sumFile.get());
        if (recorded.isEmpty()) {
            return false;
        }
        // keep every recorded hash (also from both sides of a conflict), swap only the moved files' entries
        MigrationDirectory now = MigrationDirectory.scan(directory.locations());
        Map<String, String> entries = new LinkedHashMap<>();
        recorded.get().entries().values().forEach(e -> entries.put(e.fileName(), e.hash()));
        for (MigrationFile file : now.files()) {
            if (renamed.containsValue(file.fileName())) {
                entries.put(file.fileName(), MigrationSum.hashOf(file));
            }
        }
        renamed.keySet().forEach(entries::remove);
        new MigrationSum(entries).write(sumFile.get());
        return true;
    }

    /** The file's LF text with {@code -- revision} and {@code -- down_revision} set for the new number. */
    static String rewriteHeader(MigrationFile file, int number) {
        String[] lines = file.content().split("\n", -1);
        MigrationFile.Header header = file.header();
        String revision = "-- revision: " + version(number);
        String down = "-- down_revision: " + (number == 1 ? "none" : version(number - 1));
        List<String> out = new ArrayList<>(List.of(lines));
        if (header.hasDownRevision()) {
            out.set(header.downRevisionLine() - 1, down);
        }
        if (header.hasRevision()) {
            out.set(header.revisionLine() - 1, revision);
        }
        if (!header.hasRevision() && !header.hasDownRevision()) {
            out.add(0, down);
            out.add(0, revision);
        } else if (!header.hasDownRevision()) {
            out.add(header.revisionLine(), down);
        } else if (!header.hasRevision()) {
            out.add(header.downRevisionLine() - 1, revision);
        }
        return String.join("\n", out);
    }

    private static String names(Map<Integer, List<MigrationFile>> pairs) {
        return pairs.values().stream().flatMap(List::stream).map(MigrationFile::fileName)
                .collect(Collectors.joining(", "));
    }

    private static String names(List<MigrationFile> files) {
        return files.stream().map(MigrationFile::fileName).collect(Collectors.joining(", "));
    }

    static String version(int number) {
        String digits = Integer.toString(number);
        return digits.length() >= 3 ? digits : "000".substring(digits.length()) + digits;
    }
}
