package io.github.qalab.lint;

import io.github.qalab.convention.Severity;
import net.sf.jsqlparser.statement.create.index.CreateIndex;

import java.util.List;

/**
 * QL105 (PostgreSQL): {@code CREATE INDEX} on an existing table without {@code CONCURRENTLY} blocks every write to the
 * table until the index is built.
 */
public final class BlockingIndexRule implements LintRule {

    @Override
    public String id() {
        return "QL105";
    }

    @Override
    public String summary() {
        return "On PostgreSQL, an index on an existing table is created CONCURRENTLY.";
    }

    @Override
    public String hint() {
        return "use CREATE INDEX CONCURRENTLY in a migration of its own (it cannot run inside a transaction: "
                + "Flyway runs such a statement outside one when the migration holds nothing else)";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARN;
    }

    @Override
    public List<LintFinding> check(ParsedStatement statement, LintContext context) {
        if (!context.postgres() || !(statement.tree() instanceof CreateIndex index) || index.isConcurrently()
                || index.getTable() == null || !context.existing(index.getTable().getFullyQualifiedName())) {
            return List.of();
        }
        return List.of(new LintFinding("builds an index on existing table "
                + index.getTable().getFullyQualifiedName() + " while blocking every write to it",
                "write CREATE INDEX CONCURRENTLY, alone in its own migration (it cannot run in a transaction)"));
    }
}
