package io.github.qalab.schema;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Schema} as {@link PlainValues} and back: every record of the neutral model becomes a {@code Map} from its
 * component names to their values, so that a schema read once can be stored and read again exactly (the shadow schema
 * cache). Component types: {@code String}, {@code boolean}, {@code int}, {@code long}, enums (by name), records of this
 * package, and {@code List}s of those.
 */
public final class SchemaValues {

    /** Per record class: its components with their accessors, and its canonical constructor. */
    private static final Map<Class<?>, Shape> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    private record Shape(RecordComponent[] components, java.lang.reflect.Method[] accessors,
                         Constructor<?> canonical) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                types[i] = components[i].getType();
            }
            try {
                return new Shape(components, accessors, type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }
    }

    private SchemaValues() {
    }

    /** The schema as plain values. */
    public static Map<String, Object> toValues(Schema schema) {
        return record(schema);
    }

    /**
     * The schema the values describe.
     *
     * @throws IllegalArgumentException when the values do not describe a schema of this version of the model
     */
    public static Schema fromValues(Object values) {
        return (Schema) value(values, Schema.class);
    }

    /** One record of the neutral model (a {@link Column}, say) as plain values. */
    public static Map<String, Object> recordValues(Record record) {
        return record(record);
    }

    /**
     * The record of {@code type} the values describe.
     *
     * @throws IllegalArgumentException when the values do not describe such a record of this version of the model
     */
    public static <T extends Record> T fromValues(Object values, Class<T> type) {
        try {
            return type.cast(value(values, type));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> record(Record record) {
        Shape shape = SHAPES.computeIfAbsent(record.getClass(), Shape::of);
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < shape.components().length; i++) {
            try {
                map.put(shape.components()[i].getName(), plain(shape.accessors()[i].invoke(record)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + shape.components()[i], e);
            }
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof Record r) {
            return record(r);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                out.add(plain(item));
            }
            return out;
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Object plain, Type type) {
        if (plain == null) {
            return null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<Object> out = new ArrayList<>();
            for (Object item : (List<?>) plain) {
                out.add(value(item, p.getActualTypeArguments()[0]));
            }
            return out;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            Map<?, ?> map = (Map<?, ?>) plain;
            Shape shape = SHAPES.computeIfAbsent(raw, Shape::of);
            RecordComponent[] components = shape.components();
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                if (!map.containsKey(components[i].getName())) {
                    throw new IllegalArgumentException("no " + components[i].getName() + " in " + raw.getSimpleName());
                }
                args[i] = value(map.get(components[i].getName()), components[i].getGenericType());
            }
            try {
                return shape.canonical().newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot rebuild " + raw.getSimpleName() + ": " + e, e);
            }
        }
        if (raw.isEnum()) {
            return Enum.valueOf((Class) raw, (String) plain);
        }
        if (raw == int.class || raw == Integer.class) {
            return ((Number) plain).intValue();
        }
        if (raw == long.class || raw == Long.class) {
            return ((Number) plain).longValue();
        }
        if (raw == boolean.class || raw == Boolean.class || raw == String.class) {
            return raw.isPrimitive() ? plain : raw.cast(plain);
        }
        throw new IllegalArgumentException("unexpected component type " + raw);
    }
}
