package io.github.qalab.entity;

import java.util.List;
import java.util.Map;

/**
 * A JPA annotation with its attribute values evaluated: {@link String}, {@link Long}, {@link Boolean},
 * {@link EnumConstant}, {@link ClassLiteral}, nested {@link JpaAnnotation} or a {@link List} of those.
 *
 * @param name   the simple name ({@code Column}, {@code JoinColumn}, ...)
 * @param values the attributes that are written, by name ({@code value} for a single member)
 * @param line   the line the annotation starts on
 */
record JpaAnnotation(String name, Map<String, Object> values, int line) {

    /** An enum constant like {@code GenerationType.IDENTITY}; only the constant name counts. */
    record EnumConstant(String name) {
    }

    /** A class literal like {@code Author.class}, resolved to a qualified name. */
    record ClassLiteral(String qualifiedName) {
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key, String fallback) {
        return values.get(key) instanceof String s ? s : fallback;
    }

    int integer(String key, int fallback) {
        return values.get(key) instanceof Long l ? l.intValue() : fallback;
    }

    long longValue(String key, long fallback) {
        return values.get(key) instanceof Long l ? l : fallback;
    }

    boolean bool(String key, boolean fallback) {
        return values.get(key) instanceof Boolean b ? b : fallback;
    }

    String enumName(String key, String fallback) {
        return values.get(key) instanceof EnumConstant e ? e.name() : fallback;
    }

    String classRef(String key) {
        return values.get(key) instanceof ClassLiteral c ? c.qualifiedName() : "";
    }

    /** A single nested annotation or an array of them, as a list. */
    List<JpaAnnotation> annotations(String key) {
        return listOf(key, JpaAnnotation.class);
    }

    /** A single string or an array of strings, as a list. */
    List<String> strings(String key) {
        return listOf(key, String.class);
    }

    private <T> List<T> listOf(String key, Class<T> type) {
        Object value = values.get(key);
        if (value instanceof List<?> list) {
            return list.stream().filter(type::isInstance).map(type::cast).toList();
        }
        return type.isInstance(value) ? List.of(type.cast(value)) : List.of();
    }
}
