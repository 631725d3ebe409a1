package io.github.qalab.schema;

/** A sequence, e.g. Hibernate's {@code account_seq} with start 1 and increment 50. */
public record Sequence(String name, long start, int increment) {
}
