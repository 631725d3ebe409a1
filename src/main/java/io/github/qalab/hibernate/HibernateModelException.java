package io.github.qalab.hibernate;

/** Hibernate's mapping could not be read: what went wrong and what to do. */
public final class HibernateModelException extends Exception {

    private final String hint;

    public HibernateModelException(String message, String hint) {
        super(message);
        this.hint = hint == null ? "" : hint;
    }

    /** What to do about it, e.g. which dependency to add. */
    public String hint() {
        return hint;
    }
}
