package io.github.qalab.guard;


import io.github.qalab.convention.ConventionChecker;
import io.github.qalab.convention.ConventionReport;
import io.github.qalab.convention.NumberCeilingRule;
import io.github.qalab.convention.Rule;
import io.github.qalab.convention.Severity;
import io.github.qalab.convention.Violation;
import io.github.qalab.generate.MigrationGenerator;
import io.github.qalab.generate.SchemaDrift;
import io.github.qalab.integrity.IntegrityRules;
import io.github.qalab.lint.LintDialect;
import io.github.qalab.lint.LintRule;
import io.github.qalab.lint.MigrationLinter;
import io.github.qalab.migration.GitHistory;
import io.github.qalab.migration.MigrationDirectory;
import io.github.qalab.migration.MigrationFile;
import io.github.qalab.migration.MigrationSum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@code qalab:verify} checks without a database: the convention rules (QL001-QL009), the integrity of
 * {@code qalab.sum} (QL010-QL013), the warning near the 999 ceiling (QL014) and the safety lint of new migrations (QL100-QL107), with one severity map for all.
 */
public final class VerifyChecks {

    private VerifyChecks() {
    }

    /** What verify found, and lines worth telling the user about how it checked. */
    public record Outcome(ConventionReport report, List<String> notes) {
    }

    /** Every rule verify knows, in id order, for configuration checks and reports. */
    public static List<RuleInfo> catalog() {
        List<RuleInfo> all = new ArrayList<>();
        for (Rule rule : ConventionChecker.rules()) {
            all.add(new RuleInfo(rule.id(), rule.summary(), rule.hint(), rule.defaultSeverity()));
        }
        for (Rule rule : IntegrityRules.rules()) {
            all.add(new RuleInfo(rule.id(), rule.summary(), rule.hint(), IntegrityRules.defaultSeverity(rule.id())));
        }
        Rule ceiling = new NumberCeilingRule();
        all.add(new RuleInfo(ceiling.id(), ceiling.summary(), ceiling.hint(), ceiling.defaultSeverity()));
        SchemaDrift.rules().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(rule -> all.add(
                new RuleInfo(rule.getKey(), rule.getValue(), SchemaDrift.hint(rule.getKey()), Severity.ERROR)));
        for (LintRule rule : MigrationLinter.rules()) {
            all.add(new RuleInfo(rule.id(), rule.summary(), rule.hint(), rule.defaultSeverity()));
        }
        all.sort(java.util.Comparator.comparing(RuleInfo::id));
        return all;
    }

    /**
     * Runs every check.
     *
     * @param severities severity per rule id (case-insensitive); rules not named take their default
     * @param scope      which migrations the lint reads
     * @param dialect    the database of the migrations (PostgreSQL-only lint rules need {@code POSTGRESQL})
     * @throws IllegalArgumentException when a key is not a rule id or has no severity; the message names the ids
     */
    public static Outcome check(MigrationDirectory directory, Map<String, Severity> severities, LintScope scope,
                                LintDialect dialect) {
        Map<String, Severity> byId = normalise(severities);
        Set<String> conventionIds = ids(ConventionChecker.rules().stream().map(Rule::id).toList());
        Map<String, Severity> convention = new HashMap<>();
        Map<String, Severity> lint = new HashMap<>();
        byId.forEach((id, severity) -> {
            if (conventionIds.contains(id)) {
                convention.put(id, severity);
            } else {
                lint.put(id, severity);
            }
        });
        List<Violation> found = new ArrayList<>(ConventionChecker.check(directory, convention).violations());
        found.addAll(IntegrityRules.check(directory, byId));
        // QL014 looks ahead (numbers left before 999): verify says it, migrate need not
        Rule ceiling = new NumberCeilingRule();
        Severity ceilingSeverity = byId.getOrDefault(ceiling.id(), ceiling.defaultSeverity());
        if (ceilingSeverity != Severity.OFF) {
            found.addAll(ceiling.check(directory, ceilingSeverity));
        }
        List<String> notes = new ArrayList<>();
        LintScope[] effective = {scope};
        List<MigrationFile> toLint = lintTargets(directory, scope, notes, effective);
        if (!toLint.isEmpty()) {
            found.addAll(new MigrationLinter(directory, dialect, lint).lint(toLint));
            String which = switch (effective[0].kind()) {
                case ALL -> " (all): ";
                case BRANCH -> " added on this branch (not recorded in qalab.sum where it left "
                        + effective[0].revision() + "): ";
                case SINCE -> " not recorded in qalab.sum at " + effective[0].revision() + ": ";
                default -> " not recorded in qalab.sum: ";
            };
            notes.add("Safety lint read " + toLint.size() + (toLint.size() == 1 ? " migration" : " migrations") + which
                    + String.join(", ", toLint.stream().map(MigrationFile::fileName).toList())
                    + (dialect == LintDialect.UNKNOWN ? " (no qalab.dialect: PostgreSQL-only rules QL105/QL106 off)"
                    : " (" + dialect.name().toLowerCase(Locale.ROOT) + ")"));
        }
        return new Outcome(new ConventionReport(directory, found), List.copyOf(notes));
    }

    /**
     * Adds the drift check (QL020-QL022) to an outcome: the entities compared with the schema the migrations produce.
     * It runs only on a chain without convention errors, since a broken chain does not replay meaningfully.
     *
     * @param severities the same severity map as for {@link #check}; {@code QL020=off} switches the check off
     */
    public static Outcome withDrift(Outcome outcome, MigrationDirectory directory,
                                    MigrationGenerator.Settings settings, Map<String, Severity> severities) {
        Severity severity = normalise(severities).getOrDefault(SchemaDrift.DRIFT, Severity.ERROR);
        List<String> notes = new ArrayList<>(outcome.notes());
        if (severity == Severity.OFF) {
            notes.add("Drift not checked: " + SchemaDrift.DRIFT + " is off");
            return new Outcome(outcome.report(), notes);
        }
        Set<String> conventionIds = ids(ConventionChecker.rules().stream().map(Rule::id).toList());
        if (outcome.report().errors().stream().anyMatch(v -> conventionIds.contains(v.ruleId()))) {
            notes.add("Drift not checked: fix the migration chain first");
            return new Outcome(outcome.report(), notes);
        }
        SchemaDrift.Result drift = SchemaDrift.check(directory, settings, severity);
        notes.add(drift.note());
        List<Violation> all = new ArrayList<>(outcome.report().violations());
        all.addAll(drift.findings());
        return new Outcome(new ConventionReport(directory, all), notes);
    }

    /**
     * The migrations the scope selects; a note says when the scope had to fall back.
     *
     * @param effective one slot, set to the scope that applied (BRANCH measured against a branch, or the NEW it fell
     *                  back to), for the line that says what was linted
     */
    static List<MigrationFile> lintTargets(MigrationDirectory directory, LintScope scope, List<String> notes,
                                           LintScope[] effective) {
        List<MigrationFile> chain = directory.migrations();
        switch (scope.kind()) {
            case OFF:
                return List.of();
            case ALL:
                return chain;
            case SINCE: {
                Optional<Path> sumFile = MigrationSum.location(directory);
                if (sumFile.isPresent()) {
                    GitHistory git = new GitHistory(sumFile.get().getParent());
                    Optional<String> text = git.show(scope.revision(), sumFile.get());
                    if (text.isPresent()) {
                        Set<String> recorded = MigrationSum.parseNames(text.get());
                        return chain.stream().filter(f -> !recorded.contains(f.fileName())).toList();
                    }
                }
                notes.add("Safety lint: no " + MigrationSum.FILE_NAME + " at git revision " + scope.revision()
                        + " (unknown revision, no git, or no sum there): linting the migrations not recorded in the "
                        + "working copy's " + MigrationSum.FILE_NAME + " instead");
                return recordedless(directory, chain);
            }
            case BRANCH:
                return addedOnBranch(directory, chain, notes, effective);
            case NEW:
            default:
                return recordedless(directory, chain);
        }
    }

    /**
     * The migrations added since the branch left the default branch: not recorded in the qalab.sum of that commit
     * (where it has none: not present in the folder there). Generate records new files in qalab.sum at once, so the
     * working copy's sum cannot tell them. Without git, or in a folder git ignores, as {@code new}.
     */
    private static List<MigrationFile> addedOnBranch(MigrationDirectory directory, List<MigrationFile> chain,
                                                     List<String> notes, LintScope[] effective) {
        Path folder = MigrationSum.location(directory).map(Path::getParent).orElse(directory.locations().get(0));
        GitHistory git = new GitHistory(folder);
        effective[0] = new LintScope(LintScope.Kind.NEW, "");
        if (!java.nio.file.Files.isDirectory(folder) || !git.available() || git.ignored(folder)) {
            return recordedless(directory, chain);
        }
        Optional<GitHistory.Base> base = git.branchBase();
        if (base.isEmpty()) {
            notes.add("Safety lint: no default branch to compare with (origin/HEAD, origin/main, origin/master, main,"
                    + " master): linting the migrations not recorded in " + MigrationSum.FILE_NAME);
            return recordedless(directory, chain);
        }
        effective[0] = new LintScope(LintScope.Kind.BRANCH, base.get().branch());
        Set<String> recorded;
        Optional<String> sumAtBase = git.show(base.get().commit(), folder.resolve(MigrationSum.FILE_NAME));
        if (sumAtBase.isPresent()) {
            recorded = MigrationSum.parseNames(sumAtBase.get());
        } else {
            recorded = new java.util.HashSet<>();
            for (Path location : directory.locations()) {
                if (java.nio.file.Files.isDirectory(location)) {
                    recorded.addAll(git.fileNames(base.get().commit(), location));
                }
            }
        }
        return chain.stream().filter(f -> !recorded.contains(f.fileName())).toList();
    }

    private static List<MigrationFile> recordedless(MigrationDirectory directory, List<MigrationFile> chain) {
        Optional<Path> sumFile = MigrationSum.location(directory);
        if (sumFile.isEmpty()) {
            return List.of();
        }
        Optional<MigrationSum.Recorded> recorded;
        try {
            recorded = MigrationSum.read(sumFile.get());
        } catch (IOException e) {
            return List.of(); // QL012 reports the unreadable sum
        }
        if (recorded.isEmpty()) {
            return List.of(); // no sum: QL013 says to adopt one; linting all old history would only be noise
        }
        Set<String> names = recorded.get().entries().keySet();
        return chain.stream().filter(f -> !names.contains(f.fileName())).toList();
    }

    private static Map<String, Severity> normalise(Map<String, Severity> severities) {
        Set<String> known = ids(catalog().stream().map(RuleInfo::id).toList());
        Map<String, Severity> byId = new LinkedHashMap<>();
        if (severities == null) {
            return byId;
        }
        for (Map.Entry<String, Severity> entry : severities.entrySet()) {
            String id = entry.getKey() == null ? "" : entry.getKey().strip().toUpperCase(Locale.ROOT);
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown rule id '" + entry.getKey() + "': the rules are "
                        + String.join(", ", known));
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("no severity for rule " + id + ": use error, warn or off");
            }
            byId.put(id, entry.getValue());
        }
        return byId;
    }

    private static Set<String> ids(List<String> ids) {
        return new java.util.LinkedHashSet<>(ids);
    }
}
