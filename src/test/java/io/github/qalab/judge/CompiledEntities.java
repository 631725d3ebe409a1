package io.github.qalab.judge;

import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link EntityCompiler#compile}: where the sources and classes lie, and the binary names of the
 * classes by JPA role ({@code @Entity}, {@code @Embeddable}, {@code @MappedSuperclass}, {@code @Converter}).
 *
 * @param sources            the compiled source folder
 * @param classes            the folder holding the {@code .class} files (a class path entry)
 * @param entities           classes annotated {@code @Entity}
 * @param embeddables        classes annotated {@code @Embeddable}
 * @param mappedSuperclasses classes annotated {@code @MappedSuperclass}
 * @param converters         classes annotated {@code @Converter}
 * @param allClasses         every compiled class, including enums, key classes and nested classes
 */
public record CompiledEntities(Path sources, Path classes, List<String> entities, List<String> embeddables,
                               List<String> mappedSuperclasses, List<String> converters, List<String> allClasses) {

    public CompiledEntities {
        entities = List.copyOf(entities);
        embeddables = List.copyOf(embeddables);
        mappedSuperclasses = List.copyOf(mappedSuperclasses);
        converters = List.copyOf(converters);
        allClasses = List.copyOf(allClasses);
    }

    /** The classes to hand Hibernate ({@code MetadataSources.addAnnotatedClass}): every role above, sorted. */
    public List<String> mappedClasses() {
        List<String> all = new ArrayList<>(entities);
        all.addAll(embeddables);
        all.addAll(mappedSuperclasses);
        all.addAll(converters);
        return all.stream().sorted().toList();
    }

    /** A new class loader over {@link #classes()} whose parent is the test class loader; the caller closes it. */
    public URLClassLoader newClassLoader() {
        return EntityCompiler.loader(classes);
    }
}
