package io.cpqoms.kernel;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON Schema (draft 2020-12 vocabulary, as AsyncAPI 3 payloads take it) of a contract record, read
 * from the same record {@link JsonBody} reads and Bean Validation checks: the JSON types and formats
 * {@link JsonBody} admits, no unknown fields, and the constraints the record declares ({@code @NotNull},
 * {@code @NotBlank}, {@code @NotEmpty} as required; {@code @Size}, {@code @Pattern}, {@code @Digits},
 * {@code @PositiveOrZero}). A published schema is therefore what is enforced, not a copy of it.
 * Every record becomes one named definition (a bundle's children are bundles again), referred to by
 * {@code $ref} under the prefix given, e.g. {@code #/components/schemas/}.
 */
public final class JsonSchema {

    private final String prefix;
    private final Map<String, Object> definitions = new LinkedHashMap<>();

    public JsonSchema(String prefix) {
        this.prefix = prefix;
    }

    /** The schema of a type: a {@code $ref} to its definition for a record, inline for anything else. */
    public Map<String, Object> of(Type type) {
        return of(type, new AnnotatedElement[0]);
    }

    /** The definitions of every record met so far, by name. */
    public Map<String, Object> definitions() {
        return java.util.Collections.unmodifiableMap(definitions);
    }

    /** The name of a record's definition: nested records keep their enclosing record's name (DirectOrderLine). */
    public static String name(Class<?> record) {
        return record.getEnclosingClass() == null ? record.getSimpleName() : name(record.getEnclosingClass()) + record.getSimpleName();
    }

    private Map<String, Object> of(Type type, AnnotatedElement... annotated) {
        Map<String, Object> schema = new LinkedHashMap<>();
        Class<?> raw = JsonBody.raw(type);
        Size size = annotation(Size.class, annotated);
        if (raw == String.class) {
            schema.put("type", "string");
            if (size != null) {
                bounds(schema, size, "minLength", "maxLength");
            }
            if (annotation(NotBlank.class, annotated) != null) {
                schema.put("minLength", Math.max(1, size == null ? 1 : size.min()));
            }
            Pattern pattern = annotation(Pattern.class, annotated);
            if (pattern != null) {
                schema.put("pattern", "^" + pattern.regexp() + "$");
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            schema.put("type", "integer");
            schema.put("format", raw == Long.class || raw == long.class ? "int64" : "int32");
        } else if (raw == BigDecimal.class || raw == BigInteger.class) {
            schema.put("type", List.of("number", "string"));
            schema.put("description", "an exact decimal, as a JSON number or its text (\"1500.00\")");
            Digits digits = annotation(Digits.class, annotated);
            if (digits != null) {
                schema.put("x-digits", Map.of("integer", digits.integer(), "fraction", digits.fraction()));
            }
            if (annotation(PositiveOrZero.class, annotated) != null) {
                schema.put("minimum", 0);
            }
        } else if (raw == UUID.class) {
            schema.put("type", "string");
            schema.put("format", "uuid");
        } else if (raw == Instant.class) {
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else if (raw == LocalDate.class) {
            schema.put("type", "string");
            schema.put("format", "date");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            schema.put("enum", Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
        } else if (Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            schema.put("items", of(JsonBody.argument(type, 0)));
            if (size != null) {
                bounds(schema, size, "minItems", "maxItems");
            }
            if (annotation(NotEmpty.class, annotated) != null) {
                schema.put("minItems", Math.max(1, size == null ? 1 : size.min()));
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            schema.put("type", "object");
            schema.put("additionalProperties", of(JsonBody.argument(type, 1)));
            if (size != null) {
                bounds(schema, size, "minProperties", "maxProperties");
            }
        } else if (raw.isRecord()) {
            define(raw);
            schema.put("$ref", prefix + name(raw));
        } else {
            throw new IllegalArgumentException("no JSON schema for " + type);
        }
        return schema;
    }

    private void define(Class<?> raw) {
        String name = name(raw);
        if (definitions.containsKey(name)) {
            return;
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        definitions.put(name, schema); // before its fields: a record may contain itself
        schema.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            JsonbProperty renamed = component.getAnnotation(JsonbProperty.class);
            String field = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            // Bean Validation reads the constraints from the record's field, where a component's annotations land
            AnnotatedElement[] sources = sources(raw, component);
            properties.put(field, of(component.getGenericType(), sources));
            if (annotation(NotNull.class, sources) != null || annotation(NotBlank.class, sources) != null
                    || annotation(NotEmpty.class, sources) != null) {
                required.add(field);
            }
        }
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
    }

    private static AnnotatedElement[] sources(Class<?> record, RecordComponent component) {
        try {
            return new AnnotatedElement[] {component, record.getDeclaredField(component.getName())};
        } catch (NoSuchFieldException e) {
            return new AnnotatedElement[] {component};
        }
    }

    private static void bounds(Map<String, Object> schema, Size size, String min, String max) {
        if (size.min() > 0) {
            schema.put(min, size.min());
        }
        if (size.max() < Integer.MAX_VALUE) {
            schema.put(max, size.max());
        }
    }

    private static <A extends Annotation> A annotation(Class<A> type, AnnotatedElement... elements) {
        for (AnnotatedElement element : elements) {
            A found = element.getAnnotation(type);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
