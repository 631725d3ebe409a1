package io.github.qalab.db;

/**
 * A database operation that failed or was refused; the message is for the user as it stands (what, where, what to
 * do) and never carries a password.
 */
public class DatabaseException extends Exception {

    public DatabaseException(String message) {
        super(message);
    }
}
