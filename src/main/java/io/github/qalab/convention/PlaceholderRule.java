package io.github.qalab.convention;

import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.SqlText;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * QL015: no Flyway placeholder without a value. Flyway replaces {@code ${name}} anywhere in a migration, comments
 * included, and stops with "No value provided for placeholder" when it has no value for it; {@code qalab:migrate}
 * sets none, and Spring Boot only those of {@code spring.flyway.placeholders.*}. Flyway's built-in
 * {@code ${flyway:...}} placeholders always have a value and pass.
 */
public final class PlaceholderRule extends MigrationFileRule {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}\\r\\n]{0,200})}");

    @Override
    public String id() {
        return "QL015";
    }

    @Override
    public String summary() {
        return "No Flyway placeholder (${name}) without a value: Flyway would stop on the file.";
    }

    @Override
    public String hint() {
        return "write the value itself; Flyway replaces ${...} even inside comments and strings, and neither"
                + " qalab:migrate nor Spring Boot (without spring.flyway.placeholders.<name>) has a value for it";
    }

    @Override
    void check(MigrationFile file, Severity severity, List<Violation> found) {
        String content = file.content();
        Matcher m = PLACEHOLDER.matcher(content);
        while (m.find()) {
            String name = m.group(1).strip();
            if (name.startsWith("flyway:")) {
                continue;
            }
            int line = SqlText.lineOf(content, m.start());
            found.add(violation(severity, file, line, "${" + name + "} is a Flyway placeholder without a value:"
                    + " Flyway (qalab:migrate, Spring Boot) stops with \"No value provided for placeholder\"", hint()));
        }
    }
}
