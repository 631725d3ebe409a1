package io.github.qalab.guard;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LintScopeTest {

    @Test
    void revisionsAreAcceptedButNothingGitWouldReadAsAnOptionOrPath() {
        for (String ok : List.of("origin/main", "v1.2.3", "HEAD~3", "abc123^", "main@{1}", "release/2024-01")) {
            assertEquals(new LintScope(LintScope.Kind.SINCE, ok), LintScope.parse("since:" + ok));
        }
        for (String bad : List.of("--output=X", "-p", "main:qalab.sum", "a b", "main..evil", "x\ny")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LintScope.parse("since:" + bad), bad);
            assertTrue(e.getMessage().contains("is no git revision"), e.getMessage());
        }
        assertEquals(Optional.empty(), LintScope.ofGithubBase("--output=/tmp/x"));
        assertEquals("origin/main", LintScope.ofGithubBase("main").orElseThrow().revision());
    }
}
