package io.github.qalab.migration;

/** Why {@link MigrationRenumber} refuses to move anything; the message says what to do. */
public final class RenumberException extends Exception {

    public RenumberException(String message) {
        super(message);
    }
}
