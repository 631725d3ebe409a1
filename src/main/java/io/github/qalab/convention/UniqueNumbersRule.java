package io.github.qalab.convention;

import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** QL005: no two files share a number; two files with one number are two heads, usually after a merge. */
public final class UniqueNumbersRule implements Rule {

    @Override
    public String id() {
        return "QL005";
    }

    @Override
    public String summary() {
        return "No two migrations share a number (two heads, usually left by a merge).";
    }

    @Override
    public String hint() {
        return "keep the older file and renumber the newer one (the one merged last) to the next free number: "
                + "rename it and update its -- revision and -- down_revision";
    }

    @Override
    public List<Violation> check(MigrationDirectory directory, Severity severity) {
        Map<Integer, List<MigrationFile>> byNumber = directory.files().stream()
                .filter(MigrationFile::conventionalName)
                .collect(Collectors.groupingBy(MigrationFile::number, TreeMap::new, Collectors.toList()));
        int next = directory.nextNumber();
        List<Violation> found = new ArrayList<>();
        for (Map.Entry<Integer, List<MigrationFile>> entry : byNumber.entrySet()) {
            List<MigrationFile> same = entry.getValue();
            if (same.size() < 2) {
                continue;
            }
            String version = MigrationFileRule.version(entry.getKey());
            List<String> names = same.stream().map(MigrationFile::fileName).toList();
            String listed = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
            StringBuilder targets = new StringBuilder();
            for (int i = 1; i < same.size(); i++) {
                if (targets.length() > 0) {
                    targets.append(i == same.size() - 1 ? " and " : ", ");
                }
                targets.append(MigrationFileRule.version(next)).append(" (-- down_revision: ")
                        .append(MigrationFileRule.version(next - 1)).append(')');
                next++;
            }
            String newer = same.size() == 2 ? "the newer one (the one merged last)" : "the newer ones";
            // Reported at the second file by name, so that the report lists it after the first; both are named.
            found.add(new Violation(id(), severity, same.get(1).path(), 1,
                    listed + " share number " + version + ": two heads, usually left by a merge",
                    "keep the older file as " + version + " and renumber " + newer + " to " + targets
                            + ": rename the file and update its header"));
        }
        return found;
    }
}
