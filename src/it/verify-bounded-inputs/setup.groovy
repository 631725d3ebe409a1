// Writes the hostile migration folder (generated, so that no 11 MB file or symbolic link is committed).
import java.nio.file.Files
import java.nio.file.Path

File folder = new File(basedir, 'src/main/resources/db/migration')
folder.mkdirs()
def header = { int n -> String.format('-- revision: %03d\n-- down_revision: %s\n\n', n, n == 1 ? 'none' : String.format('%03d', n - 1)) }
def end = '\n/* qalab:downgrade irreversible */\n'
new File(folder, '001_first.sql').text = header(1) + 'CREATE TABLE t001 (id BIGINT NOT NULL);\n' + end
// 20,000 nested parentheses overflowed the stack of every SQL parser
new File(folder, '002_deep.sql').text = header(2) + 'SELECT ' + '(' * 20000 + '1' + ')' * 20000 + ';\n' + end
// Flyway's parser is quadratic in comments before a statement
new File(folder, '003_comments.sql').text = header(3) + ('-- a note\n' * 600) + 'SELECT 1;\n' + end
// larger than any migration qalab reads
new File(folder, '004_huge.sql').withOutputStream { out ->
    out << header(4).getBytes('UTF-8')
    byte[] line = ('-- ' + 'x' * 76 + '\n').getBytes('UTF-8')
    (11 * 1024 * 1024 / line.length + 1).times { out.write(line) }
}
// two byte-order marks: used to read as "no header"
byte[] bom = [0xEF, 0xBB, 0xBF] as byte[]
new File(folder, '005_two_boms.sql').withOutputStream { out ->
    out.write(bom)
    out.write(bom)
    out.write((header(5) + 'SELECT 1;\n' + end).getBytes('UTF-8'))
}
// a migration that is a link to its own folder: Flyway would walk it in a loop
Files.createSymbolicLink(new File(folder, '006_self.sql').toPath(), Path.of('.'))
// a qalab.sum that links to itself: used to read as "no qalab.sum", and the build passed
Files.createSymbolicLink(new File(folder, 'qalab.sum').toPath(), Path.of('qalab.sum'))
return true
