package io.github.qalab.entity;

import java.util.List;

/** Thrown when entity sources hold mappings the scanner cannot understand; carries every problem found. */
public class EntityScanException extends Exception {

    private final transient List<EntityProblem> problems;

    public EntityScanException(List<EntityProblem> problems) {
        super(problems.size() + " entity mapping problem(s), first: " + problems.get(0).format(null));
        this.problems = List.copyOf(problems);
    }

    public List<EntityProblem> problems() {
        return problems;
    }
}
