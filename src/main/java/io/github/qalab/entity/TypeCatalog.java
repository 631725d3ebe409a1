package io.github.qalab.entity;

import io.github.qalab.entity.EntityModel.BasicKind;
import io.github.qalab.entity.EntityModel.CollectionKind;

import java.util.Map;
import java.util.Optional;

/** The JDK types the scanner maps without their sources: basic value types and collection interfaces. */
final class TypeCatalog {

    private static final Map<String, BasicKind> BASIC = Map.ofEntries(
            Map.entry("java.lang.String", BasicKind.STRING),
            Map.entry("java.lang.Character", BasicKind.CHARACTER),
            Map.entry("java.lang.Boolean", BasicKind.BOOLEAN),
            Map.entry("java.lang.Byte", BasicKind.BYTE),
            Map.entry("java.lang.Short", BasicKind.SHORT),
            Map.entry("java.lang.Integer", BasicKind.INTEGER),
            Map.entry("java.lang.Long", BasicKind.LONG),
            Map.entry("java.lang.Float", BasicKind.FLOAT),
            Map.entry("java.lang.Double", BasicKind.DOUBLE),
            Map.entry("java.math.BigDecimal", BasicKind.BIG_DECIMAL),
            Map.entry("java.math.BigInteger", BasicKind.BIG_INTEGER),
            Map.entry("java.time.LocalDate", BasicKind.LOCAL_DATE),
            Map.entry("java.time.LocalTime", BasicKind.LOCAL_TIME),
            Map.entry("java.time.LocalDateTime", BasicKind.LOCAL_DATE_TIME),
            Map.entry("java.time.Instant", BasicKind.INSTANT),
            Map.entry("java.time.OffsetDateTime", BasicKind.OFFSET_DATE_TIME),
            Map.entry("java.time.ZonedDateTime", BasicKind.ZONED_DATE_TIME),
            Map.entry("java.util.UUID", BasicKind.UUID));

    private static final Map<String, BasicKind> PRIMITIVE = Map.of(
            "boolean", BasicKind.BOOLEAN, "byte", BasicKind.BYTE, "short", BasicKind.SHORT,
            "int", BasicKind.INTEGER, "long", BasicKind.LONG, "float", BasicKind.FLOAT,
            "double", BasicKind.DOUBLE, "char", BasicKind.CHARACTER);

    private static final Map<String, CollectionKind> COLLECTIONS = Map.of(
            "java.util.Set", CollectionKind.SET, "java.util.SortedSet", CollectionKind.SET,
            "java.util.List", CollectionKind.LIST, "java.util.Collection", CollectionKind.COLLECTION);

    /** Other java.lang names, so that a simple name like {@code Object} resolves (and is then rejected). */
    private static final java.util.Set<String> OTHER_LANG = java.util.Set.of(
            "java.lang.Object", "java.lang.Number", "java.lang.Enum", "java.lang.Class", "java.lang.Void",
            "java.lang.Record", "java.lang.CharSequence", "java.lang.StringBuilder", "java.lang.Iterable");

    private TypeCatalog() {
    }

    static boolean isKnown(String qualifiedName) {
        return BASIC.containsKey(qualifiedName) || COLLECTIONS.containsKey(qualifiedName)
                || OTHER_LANG.contains(qualifiedName) || "java.util.Map".equals(qualifiedName);
    }

    static Optional<BasicKind> basic(String qualifiedName) {
        return Optional.ofNullable(BASIC.get(qualifiedName));
    }

    static Optional<BasicKind> primitive(String keyword) {
        return Optional.ofNullable(PRIMITIVE.get(keyword));
    }

    static Optional<CollectionKind> collection(String qualifiedName) {
        return Optional.ofNullable(COLLECTIONS.get(qualifiedName));
    }
}
