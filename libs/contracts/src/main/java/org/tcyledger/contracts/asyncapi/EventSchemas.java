package org.tcyledger.contracts.asyncapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.tcyledger.contracts.AddedLater;
import org.tcyledger.contracts.wire.EventJson;

/**
 * JSON Schemas of event records as {@link EventJson} writes them, read from the records themselves: a property per
 * field Jackson writes, under the name it writes. Every field is written (null too), so every field is required
 * but those {@link AddedLater}. A field may be null unless it is primitive, names the event's stream (declared by
 * its sealed interface, like {@code memberId()}), or the record's constructor refuses or replaces a null, which is
 * tried on the record itself. A type the wire cannot carry fails here, not at a consumer.
 */
final class EventSchemas {

    private static final String COMPONENTS = "#/components/schemas/";

    private final ObjectMapper json = EventJson.mapper();
    private final SortedMap<String, Map<String, Object>> schemas = new TreeMap<>();
    private final Map<Class<?>, String> nameOf = new HashMap<>();
    private final Descriptions descriptions;

    EventSchemas(Descriptions descriptions) {
        this.descriptions = descriptions;
    }

    /** Registers the schema of an event's data under {@code name} and answers a reference to it. */
    Map<String, Object> event(Class<?> event, String name, Class<?> family) {
        define(event, name, family);
        return ref(name);
    }

    /** Every schema registered so far, by name. */
    SortedMap<String, Map<String, Object>> all() {
        return schemas;
    }

    private String define(Class<?> type, String name, Class<?> family) {
        String known = nameOf.get(type);
        if (known != null) {
            return known;
        }
        if (schemas.containsKey(name)) {
            throw new IllegalStateException("two types are both called " + name + " on this topic: rename one");
        }
        nameOf.put(type, name);
        schemas.put(name, Map.of()); // taken while its fields are read: a record may refer to itself
        schemas.put(name, objectSchema(type, family));
        return name;
    }

    private Map<String, Object> objectSchema(Class<?> type, Class<?> family) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is on the wire but is not a record");
        }
        Map<String, RecordComponent> components = new HashMap<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> components.put(c.getName(), c));
        Set<String> neverNull = NullProbe.neverNull(type);
        BeanDescription bean = json.getSerializationConfig().introspect(json.constructType(type));
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            RecordComponent component = components.get(property.getInternalName());
            if (component == null) {
                throw new IllegalStateException(type.getName() + " writes '" + property.getName()
                        + "', which is not one of its fields");
            }
            boolean nullable = !component.getType().isPrimitive() && !neverNull.contains(component.getName())
                    && !namesTheStream(family, component);
            Map<String, Object> schema = new LinkedHashMap<>(
                    valueSchema(property.getPrimaryType(), nullable, type.getName() + "." + component.getName()));
            String text = descriptions.of(type, component.getName());
            if (text != null) {
                schema.put("description", text);
            }
            properties.put(property.getName(), schema);
            if (component.getAnnotation(AddedLater.class) == null) {
                required.add(property.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        String text = descriptions.of(type);
        if (text != null) {
            schema.put("description", text);
        }
        schema.put("additionalProperties", false);
        schema.put("required", required);
        schema.put("properties", properties);
        return schema;
    }

    private static boolean namesTheStream(Class<?> family, RecordComponent component) {
        if (family == null) {
            return false;
        }
        try {
            family.getMethod(component.getName());
            return true;
        } catch (NoSuchMethodException notDeclared) {
            return false;
        }
    }

    private Map<String, Object> valueSchema(JavaType type, boolean nullable, String where) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class) {
            return simple("string", null, nullable);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return simple("boolean", null, nullable);
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
                || raw == short.class || raw == Short.class) {
            return simple("integer", null, nullable);
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return simple("number", null, nullable);
        }
        if (raw == LocalDate.class) {
            return simple("string", "date", nullable);
        }
        if (raw == Instant.class || raw == OffsetDateTime.class) {
            return simple("string", "date-time", nullable);
        }
        if (raw.isEnum()) {
            List<Object> values = new ArrayList<>(Arrays.stream(raw.getEnumConstants()).map(v -> ((Enum<?>) v).name())
                    .toList());
            Map<String, Object> schema = simple("string", null, nullable);
            if (nullable) {
                values.add(null);
            }
            schema.put("enum", values);
            return schema;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Map<String, Object> schema = simple("array", null, nullable);
            schema.put("items", valueSchema(type.getContentType(), false, where + "[]"));
            return schema;
        }
        if (Map.class.isAssignableFrom(raw) && type.getKeyType().getRawClass() == String.class) {
            Map<String, Object> schema = simple("object", null, nullable);
            schema.put("additionalProperties", valueSchema(type.getContentType(), false, where + "{}"));
            return schema;
        }
        if (raw.isRecord()) {
            Map<String, Object> ref = ref(define(raw, raw.getSimpleName(), null));
            return nullable ? Map.of("oneOf", List.of(ref, Map.of("type", "null"))) : ref;
        }
        throw new IllegalArgumentException(where + " is a " + type + ": no JSON Schema for it here (EventSchemas)");
    }

    private static Map<String, Object> simple(String type, String format, boolean nullable) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", nullable ? List.of(type, "null") : type);
        if (format != null) {
            schema.put("format", format);
        }
        return schema;
    }

    static Map<String, Object> ref(String name) {
        return Map.of("$ref", COMPONENTS + name);
    }

    /**
     * Which fields of a record are never null on the wire: built once with an ordinary value in every field, then
     * once per field with null in it, a field is never null if its constructor refuses the null or puts a value in
     * its place. A record that cannot be built from ordinary values tells nothing, and all its fields may be null.
     */
    static final class NullProbe {

        private NullProbe() {
        }

        static Set<String> neverNull(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] ordinary = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                ordinary[i] = ordinaryValue(components[i].getType(), 0);
            }
            Constructor<?> canonical;
            try {
                canonical = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                canonical.newInstance(ordinary);
            } catch (ReflectiveOperationException | RuntimeException cannotBuild) {
                return Set.of();
            }
            Set<String> neverNull = new java.util.HashSet<>();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getType().isPrimitive()) {
                    continue;
                }
                Object[] args = ordinary.clone();
                args[i] = null;
                try {
                    Object built = canonical.newInstance(args);
                    if (components[i].getAccessor().invoke(built) != null) {
                        neverNull.add(components[i].getName());
                    }
                } catch (java.lang.reflect.InvocationTargetException refused) {
                    neverNull.add(components[i].getName());
                } catch (ReflectiveOperationException unexpected) {
                    throw new IllegalStateException(unexpected);
                }
            }
            return neverNull;
        }

        private static Object ordinaryValue(Class<?> type, int depth) {
            if (type == boolean.class) {
                return false;
            }
            if (type == int.class || type == short.class) {
                return type == int.class ? 0 : (short) 0;
            }
            if (type == long.class) {
                return 0L;
            }
            if (type == double.class) {
                return 0d;
            }
            if (type == String.class) {
                return "x";
            }
            if (type == Integer.class || type == Long.class) {
                return type == Integer.class ? (Object) 0 : (Object) 0L;
            }
            if (type == Boolean.class) {
                return Boolean.FALSE;
            }
            if (type == LocalDate.class) {
                return LocalDate.EPOCH;
            }
            if (type == Instant.class) {
                return Instant.EPOCH;
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0];
            }
            if (List.class.isAssignableFrom(type) || Collection.class == type) {
                return List.of();
            }
            if (Set.class.isAssignableFrom(type)) {
                return Set.of();
            }
            if (Map.class.isAssignableFrom(type)) {
                return Map.of();
            }
            if (type.isRecord() && depth < 4) {
                RecordComponent[] components = type.getRecordComponents();
                Object[] args = new Object[components.length];
                for (int i = 0; i < components.length; i++) {
                    args[i] = ordinaryValue(components[i].getType(), depth + 1);
                }
                try {
                    Constructor<?> canonical = type.getDeclaredConstructor(
                            Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                    canonical.setAccessible(true);
                    return canonical.newInstance(args);
                } catch (ReflectiveOperationException | RuntimeException cannotBuild) {
                    return null;
                }
            }
            return null;
        }
    }
}
