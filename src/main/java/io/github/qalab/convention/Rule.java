package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;

import java.util.List;

/** One convention check over a whole {@link MigrationDirectory}, with a stable id such as {@code QL001}. */
public interface Rule {

    /** The stable id, {@code QL001}…; used in messages, configuration and documentation. */
    String id();

    /** One line: what the rule requires. */
    String summary();

    /** What the user should do when the rule fails. */
    String hint();

    /** The severity the rule has unless {@code <rules>} says otherwise: {@code ERROR} for most rules. */
    default Severity defaultSeverity() {
        return Severity.ERROR;
    }

    /** The violations found, each with the given severity. */
    List<Violation> check(MigrationDirectory directory, Severity severity);
}
