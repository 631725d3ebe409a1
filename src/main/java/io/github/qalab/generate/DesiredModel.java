package io.github.qalab.generate;

import io.github.qalab.entity.EntityModel;
import io.github.qalab.entity.EntityModel.ManagedType;
import io.github.qalab.entity.EntityProblem;
import io.github.qalab.entity.EntityScanException;
import io.github.qalab.entity.EntityScanner;
import io.github.qalab.entity.NamingStrategy;
import io.github.qalab.hibernate.HibernateModel;
import io.github.qalab.hibernate.HibernateModelException;
import io.github.qalab.schema.EntitySchemaBuilder;
import io.github.qalab.schema.Names;
import io.github.qalab.schema.Schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the desired schema comes from: the project's own Hibernate mapping of its compiled classes (exact: the
 * project's converters, user types, settings and Hibernate version), or the entity sources read by JavaParser (no
 * classes and no Hibernate needed; refuses what it cannot map exactly).
 */
public sealed interface DesiredModel permits DesiredModel.FromHibernate, DesiredModel.FromSources {

    /**
     * Reads the entities.
     *
     * @throws EntityScanException listing every mapping problem with its file and line
     */
    DesiredSchema read() throws EntityScanException;

    /** The source roots, for positions and for telling whether the project has entities at all. */
    List<Path> sourceRoots();

    /** A one-word name for the log: {@code hibernate} or {@code source}. */
    String name();

    /**
     * The project's Hibernate.
     *
     * @param request     what to boot Hibernate on
     * @param sourceRoots where the entity sources are, for positions in messages
     */
    record FromHibernate(HibernateModel.Request request, List<Path> sourceRoots) implements DesiredModel {
        public FromHibernate {
            sourceRoots = List.copyOf(sourceRoots);
        }

        @Override
        public DesiredSchema read() throws EntityScanException {
            HibernateModel.Result result;
            try {
                result = HibernateModel.read(request);
            } catch (HibernateModelException e) {
                throw new EntityScanException(List.of(problem(e.getMessage(), e.hint(), sourceRoots)));
            }
            SourcePositions positions = SourcePositions.ofOwners(sourceRoots, result.tableOwners(),
                    result.columnOwners());
            String summary = "Hibernate " + result.hibernateVersion() + " (" + result.dialect() + "), "
                    + result.entities() + (result.entities() == 1 ? " entity class" : " entity classes")
                    + (result.beanValidation().startsWith("applied") ? ", Bean Validation constraints applied"
                    : result.beanValidation().contains("cannot start") ? ", Bean Validation NOT applied ("
                    + result.beanValidation().substring("not applied: ".length()) + ", as Hibernate skips it)" : "")
                    + (result.cached() ? ", mapping from the cache (classes unchanged)"
                    : request.cacheDir() == null ? ", mapped now (cache off)" : "")
                    + (result.warmWorker() ? ", by the warm Hibernate worker" : "")
                    + (result.cached() || request.forked() ? "" : ", in Maven's JVM (hibernateFork=false)");
            return new DesiredSchema(result.schema(), positions, summary, result.entities(), result.warnings(),
                    result.enumConstants());
        }

        @Override
        public String name() {
            return "hibernate";
        }

        /** A problem at the source of the first entity class Hibernate's message names, when there is one. */
        private static EntityProblem problem(String message, String hint, List<Path> roots) {
            Matcher m = Pattern.compile("\\b([a-z_][\\w]*(?:\\.[a-z_][\\w]*)*\\.[A-Z][\\w$]*)").matcher(message);
            while (m.find()) {
                String className = m.group(1);
                String top = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
                for (Path root : roots) {
                    Path file = root.resolve(top.replace('.', '/') + ".java");
                    if (Files.isRegularFile(file)) {
                        Optional<SourcePositions.Position> p = SourcePositions.ofOwners(roots,
                                Map.of("x", className), Map.of()).of("x", null);
                        return new EntityProblem(file, p.map(SourcePositions.Position::line).orElse(1), message, hint);
                    }
                }
            }
            return new EntityProblem(null, 0, message, hint);
        }
    }

    /**
     * The entity sources, read by JavaParser.
     *
     * @param sourceRoots    the Java source roots holding the entities
     * @param entityPackages packages whose entities count; empty for all
     * @param naming         how entity and field names become table and column names
     * @param dialect        the target database: an {@code @Enumerated(STRING)} column is a native enum where the
     *                       database has one, else a {@code varchar} with a check of the constants, as Hibernate writes
     */
    record FromSources(List<Path> sourceRoots, List<String> entityPackages, NamingStrategy naming,
                       io.github.qalab.sql.Dialect dialect) implements DesiredModel {
        public FromSources {
            sourceRoots = List.copyOf(sourceRoots);
            entityPackages = List.copyOf(entityPackages);
        }

        @Override
        public DesiredSchema read() throws EntityScanException {
            EntityModel model = new EntityScanner().scan(sourceRoots, entityPackages);
            EntitySchemaBuilder builder = new EntitySchemaBuilder();
            Schema schema = builder.build(model, naming, dialect.name());
            Map<String, ManagedType> owners = builder.tableOwners(model, naming);
            SourcePositions positions = (table, column) -> {
                for (Map.Entry<String, ManagedType> e : owners.entrySet()) {
                    if (Names.same(e.getKey(), table)) {
                        return Optional.of(new SourcePositions.Position(e.getValue().file(), e.getValue().line()));
                    }
                }
                return Optional.empty();
            };
            int entities = model.entities().size();
            return new DesiredSchema(schema, positions, "entity sources (JavaParser, " + naming.parameterValue()
                    + " naming), " + entities + (entities == 1 ? " entity" : " entities"), entities, List.of());
        }

        @Override
        public String name() {
            return "source";
        }
    }
}
