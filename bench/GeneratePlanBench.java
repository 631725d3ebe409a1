import io.github.qalab.db.ShadowDatabase;
import io.github.qalab.diff.Renames;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.generate.DesiredModel;
import io.github.qalab.generate.MigrationGenerator;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.sql.Dialect;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs MigrationGenerator.plan (entities + H2 shadow replay + diff, no Maven) on a project written by
 * GenerateBenchProject, RUNS times in this JVM (the first run is the cold one that qalab:generate pays), and prints
 * wall and process CPU time (all threads, JIT compiler included) of each run.
 * Usage: java -cp "target/classes:$(cat target/bench-classpath.txt)" bench/GeneratePlanBench.java <project> [runs=1]
 */
public class GeneratePlanBench {
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Dialect dialect = Dialect.named("postgresql");
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            MigrationDirectory directory = MigrationDirectory.scan(List.of(project.resolve("src/main/resources/db/migration")));
            MigrationGenerator.Plan plan = MigrationGenerator.plan(directory, new MigrationGenerator.Settings(new DesiredModel.FromSources(List.of(project.resolve("src/main/java")), List.of(), NamingStrategy.SPRING, dialect), dialect,
                    Renames.parse(""), ShadowDatabase.embedded(dialect)));
            System.out.println("run " + run + ": " + (System.nanoTime() - start) / 1_000_000 + " ms wall, "
                    + (os.getProcessCpuTime() - cpu) / 1_000_000 + " ms CPU, " + plan.diff().operations().size()
                    + " operations; " + plan.timing());
        }
    }
}
