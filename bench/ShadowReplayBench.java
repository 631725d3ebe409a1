import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.schema.JdbcSchemaReader;
import io.github.qalab.schema.Schema;
import io.github.qalab.sql.Dialect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Replays N generated migrations (one table with an FK each) into the H2 shadow; prints each run and the median. */
public class ShadowReplayBench {
    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("qalab-bench");
        for (int i = 1; i <= count; i++) {
            String fk = i == 1 ? "" : "ALTER TABLE t" + i + " ADD CONSTRAINT fk_t" + i + "_prev_id FOREIGN KEY (prev_id) REFERENCES t" + (i - 1) + " (id);\n";
            Files.writeString(dir.resolve(String.format("%03d_table_%d.sql", i, i)), String.format(
                    "-- revision: %03d\n-- down_revision: %s\n\nCREATE TABLE t%d (\n    id BIGINT NOT NULL,\n    prev_id BIGINT,\n"
                            + "    name VARCHAR(255) NOT NULL,\n    created TIMESTAMP(6),\n    CONSTRAINT pk_t%d PRIMARY KEY (id)\n);\n%s"
                            + "CREATE SEQUENCE t%d_seq START WITH 1 INCREMENT BY 50;\n\n/* qalab:downgrade\nDROP TABLE t%d;\n*/\n",
                    i, i == 1 ? "none" : String.format("%03d", i - 1), i, i, fk, i, i));
        }
        MigrationDirectory directory = MigrationDirectory.scan(List.of(dir));
        List<Long> times = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            Schema schema = ShadowDatabase.embedded(Dialect.named("postgresql")).replay(directory.migrations());
            long ms = (System.nanoTime() - start) / 1_000_000;
            times.add(ms);
            System.out.println("run " + (r + 1) + ": " + ms + " ms, " + schema.tables().size() + " tables");
        }
        Collections.sort(times);
        System.out.println("median: " + times.get(times.size() / 2) + " ms for " + count + " migrations");
    }
}
