package io.github.qalab.migration;

import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationSumTest {

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerMigrationAndATotalDeterministically() throws IOException {
        MigrationFolder folder = new MigrationFolder(dir).chain(3);
        MigrationSum.Written written = MigrationSum.update(List.of(dir));
        assertTrue(written.changed());
        String text = Files.readString(dir.resolve("qalab.sum"));
        List<String> lines = text.lines().toList();
        assertEquals(5, lines.size(), text);
        assertTrue(lines.get(0).startsWith("# qalab.sum"));
        assertTrue(lines.get(1).matches("001_create_t001\\.sql sha256:[0-9a-f]{64}"), lines.get(1));
        assertTrue(lines.get(3).startsWith("003_create_t003.sql sha256:"));
        assertTrue(lines.get(4).matches("total sha256:[0-9a-f]{64}"));
        assertFalse(text.contains("\r"));
        // the same folder gives the same bytes, and a second write changes nothing
        assertEquals(text, MigrationSum.of(folder.scan()).render());
        assertFalse(MigrationSum.update(List.of(dir)).changed());
        // the checksum file itself is no migration and no stray file
        assertTrue(folder.scan().files().stream().noneMatch(f -> f.fileName().equals("qalab.sum")));
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }

    @Test
    void crlfAndBomCheckoutsHashLikeTheLfFile() throws IOException {
        String lf = MigrationFolder.valid(1);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        new MigrationFolder(a).write("001_create_t001.sql", lf);
        new MigrationFolder(b).writeBytes("001_create_t001.sql",
                ("\uFEFF" + lf.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        String hashA = MigrationSum.of(MigrationDirectory.scan(List.of(a))).entries().get("001_create_t001.sql");
        String hashB = MigrationSum.of(MigrationDirectory.scan(List.of(b))).entries().get("001_create_t001.sql");
        assertEquals(hashA, hashB);
        // the hash is SHA-256 of the LF text, as documented
        assertEquals(MigrationSum.sha256(lf.getBytes(StandardCharsets.UTF_8)), hashA);
        // and a CRLF sum file reads like the LF one
        MigrationSum.update(List.of(a));
        Path sum = a.resolve("qalab.sum");
        Files.writeString(sum, Files.readString(sum).replace("\n", "\r\n"));
        assertTrue(MigrationSum.read(sum).orElseThrow().intact());
    }

    @Test
    void aChangedByteChangesTheHash() throws IOException {
        new MigrationFolder(dir).chain(1);
        String before = MigrationSum.of(MigrationDirectory.scan(List.of(dir))).entries().get("001_create_t001.sql");
        Files.writeString(dir.resolve("001_create_t001.sql"), MigrationFolder.valid(1).replace("BIGINT", "INT"));
        String after = MigrationSum.of(MigrationDirectory.scan(List.of(dir))).entries().get("001_create_t001.sql");
        assertNotEquals(before, after);
    }

    @Test
    void readsConflictMarkersBadLinesAndAWrongTotalAsProblemsWithLines() throws IOException {
        new MigrationFolder(dir).chain(2);
        MigrationSum.update(List.of(dir));
        Path sum = dir.resolve("qalab.sum");
        List<String> lines = Files.readAllLines(sum);
        String conflicted = String.join("\n", lines.subList(0, 3)) + "\n<<<<<<< HEAD\n"
                + "003_add_a.sql sha256:" + "a".repeat(64) + "\n" + lines.get(3) + "\n=======\n"
                + "003_add_b.sql sha256:" + "b".repeat(64) + "\n" + lines.get(3) + "\n>>>>>>> feature\n";
        Files.writeString(sum, conflicted);
        MigrationSum.Recorded recorded = MigrationSum.read(sum).orElseThrow();
        assertTrue(recorded.conflicted());
        assertEquals(List.of(4, 7, 10), recorded.problems().stream().filter(MigrationSum.Problem::conflict)
                .map(MigrationSum.Problem::line).toList());
        assertTrue(recorded.entries().containsKey("003_add_a.sql") && recorded.entries().containsKey("003_add_b.sql"));

        // an entry edited by hand: the total no longer matches
        Files.writeString(sum, String.join("\n", lines).replaceFirst("sha256:[0-9a-f]", "sha256:0") + "\n");
        MigrationSum.Recorded edited = MigrationSum.read(sum).orElseThrow();
        assertFalse(edited.conflicted());
        assertEquals(1, edited.problems().size());
        assertEquals(4, edited.problems().get(0).line());
        assertTrue(edited.problems().get(0).message().contains("total hash does not match"));

        Files.writeString(sum, "001_x.sql md5:abc\n");
        MigrationSum.Recorded bad = MigrationSum.read(sum).orElseThrow();
        assertTrue(bad.problems().get(0).message().contains("unreadable line '001_x.sql md5:abc'"));
        assertTrue(bad.problems().stream().anyMatch(p -> p.message().contains("no 'total sha256:' line")));
    }

    @Test
    void noSumFileIsEmpty() throws IOException {
        assertTrue(MigrationSum.read(dir.resolve("qalab.sum")).isEmpty());
    }
}
