package io.github.qalab.diff;

import io.github.qalab.schema.CheckConstraint;
import io.github.qalab.schema.Column;

/**
 * How a desired object will look once a database stores it: the type and default it reads back, the text of a check
 * constraint after the database rewrote it. The diff compares the current schema (read from a database) with the
 * desired one through this, so that {@code varchar(255)} and {@code character varying(255)}, or
 * {@code 'NEW'} and {@code 'NEW'::character varying}, are the same thing (Atlas calls this normalising through a
 * dev database). Operations still carry the desired objects as written.
 */
public interface Normalisation {

    /** Compares desired objects as they are written. */
    Normalisation NONE = new Normalisation() {
        @Override
        public Column stored(String table, Column desired) {
            return desired;
        }

        @Override
        public String stored(String table, CheckConstraint desired) {
            return desired.expression();
        }
    };

    /** The column as the database stores it (type and default as read back); {@code desired} itself if unknown. */
    Column stored(String table, Column desired);

    /** The expression of a check constraint as the database stores it; the desired expression if unknown. */
    String stored(String table, CheckConstraint desired);
}
