package lab;

/** A string enum: a CHECK (PostgreSQL) or an ENUM type (MariaDB, H2). */
public enum Kind { PLAIN, SPECIAL }
