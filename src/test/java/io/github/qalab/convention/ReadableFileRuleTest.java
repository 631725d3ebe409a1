package io.github.qalab.convention;

import io.github.qalab.testing.MigrationFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.github.qalab.convention.RuleTesting.check;
import static io.github.qalab.convention.RuleTesting.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadableFileRuleTest {

    @TempDir
    Path tmp;

    private final Rule rule = new ReadableFileRule();

    @Test
    void utf8WithAndWithoutBomPasses() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        byte[] text = MigrationFolder.valid(2).replace("t002", "caf\u00e9").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        folder.writeBytes("002_cafe.sql", bom);
        assertEquals(List.of(), check(rule, folder));
    }

    @Test
    void latin1ByteIsReportedAtItsLine() {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        byte[] latin1 = MigrationFolder.valid(2).replace("t002", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Path file = folder.writeBytes("002_cafe.sql", latin1);
        String text = single(check(rule, folder), file, 3);
        assertTrue(text.startsWith("002_cafe.sql:3: QL008 the file is not valid UTF-8 (byte 0xE9"), text);
    }

    @Test
    void utf16IsNotUtf8() {
        MigrationFolder folder = new MigrationFolder(tmp);
        Path file = folder.writeBytes("001_x.sql", "SELECT 1;".getBytes(StandardCharsets.UTF_16));
        single(check(rule, folder), file, 1);
    }

    @Test
    void brokenLinkIsNotARegularFileWhateverItsName() throws Exception {
        MigrationFolder folder = new MigrationFolder(tmp).chain(1);
        Path link = Files.createSymbolicLink(tmp.resolve("002_link.sql"), tmp.resolve("gone.sql"));
        assertTrue(single(check(rule, folder), link, 1).contains("symbolic link to nothing"));
    }
}
