package io.cpqoms.kernel;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.spi.JsonProvider;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a request body into its contract type, strictly and within bounds, before anything reaches a
 * context. The text is parsed once into a tree no deeper than {@link #MAX_DEPTH}; every string is free
 * of control characters and unpaired surrogates, every number short and of a bounded scale (so nothing
 * later formats or multiplies a number of a billion digits); the tree is then checked against the
 * record it must become: JSON types, known field names (else {@code UNKNOWN_FIELD}), enumerated values,
 * dates PostgreSQL can store. Only a tree that passes is bound by JSON-B. Messages never quote more than
 * a short excerpt of the input. {@link #validate} then checks the bound record's Bean Validation
 * constraints. The API reads request bodies with it, the ERP inbound queue its messages' bodies: one
 * strictness for every way into the product.
 */
public final class JsonBody {

    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String INVALID_REQUEST_BODY = "INVALID_REQUEST_BODY";
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    public static final String JSON_TOO_DEEP = "JSON_TOO_DEEP";

    /** Violation rules of a body's shape. */
    public static final String WRONG_TYPE = "WRONG_TYPE";
    public static final String VALUE_NOT_ALLOWED = "VALUE_NOT_ALLOWED";
    public static final String NUMBER_OUT_OF_RANGE = "NUMBER_OUT_OF_RANGE";
    public static final String DATE_OUT_OF_RANGE = "DATE_OUT_OF_RANGE";
    public static final String CONTROL_CHARACTER = "CONTROL_CHARACTER";
    public static final String STRING_TOO_LONG = "STRING_TOO_LONG";

    /** Deep enough for a bundle of bundles of products; far below what could exhaust a stack. */
    public static final int MAX_DEPTH = 32;
    /** A number's text: enough for any amount or quantity the database can hold. */
    static final int MAX_NUMBER_LENGTH = 40;
    /** The largest power of ten a number may carry, up or down. */
    static final int MAX_SCALE = 40;
    /** No string of any field is longer; the fields' own limits are tighter. */
    static final int MAX_STRING_LENGTH = 100_000;
    static final int MAX_KEY_LENGTH = 200;
    /** No refusal lists more violations than this. */
    public static final int MAX_VIOLATIONS = 50;
    private static final int MAX_YEAR = 9999;

    private static final Map<Class<?>, Map<String, RecordComponent>> FIELDS = new ConcurrentHashMap<>();
    /** Looked up once: {@code jakarta.json.Json}'s factory methods look the provider up on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonBody() {
    }

    /** Parses, checks and binds a body; a refusal is a {@link DomainException} of kind INVALID_INPUT. */
    public static <T> T read(String body, Type type) {
        if (body == null || body.isBlank()) {
            throw DomainException.invalidInput(INVALID_REQUEST_BODY, "The request needs a JSON body.");
        }
        JsonValue tree = parse(body);
        List<Violation> unknown = new ArrayList<>();
        List<Violation> wrong = new ArrayList<>();
        check(tree, type, "", unknown, wrong);
        if (!unknown.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, UNKNOWN_FIELD,
                    "The body has fields the operation does not know: " + targets(unknown) + ".", unknown);
        }
        if (!wrong.isEmpty()) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, INVALID_REQUEST_BODY,
                    "The body does not match " + name(type) + ": " + targets(wrong) + ".", wrong);
        }
        try {
            return Json.read(tree.toString(), type);
        } catch (JsonbException e) {
            throw DomainException.invalidInput(INVALID_REQUEST_BODY, "The body does not match " + name(type) + ".");
        }
    }

    public static <T> T read(String body, Class<T> type) {
        return read(body, (Type) type);
    }

    /** Reads a body as {@link #read} does and checks the record's constraints ({@link #validate}). */
    public static <T> T readValid(String body, Class<T> type) {
        T value = read(body, type);
        validate(value);
        return value;
    }

    /** The record's constraints, every broken one as a violation with its field path. */
    public static void validate(Object body) {
        Set<ConstraintViolation<Object>> broken = Validators.VALIDATOR.validate(body);
        if (broken.isEmpty()) {
            return;
        }
        List<Violation> violations = broken.stream()
                .map(v -> new Violation(rule(v), path(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::target).thenComparing(Violation::rule))
                .limit(MAX_VIOLATIONS)
                .toList();
        throw new DomainException(DomainException.Kind.INVALID_INPUT, INVALID_REQUEST_BODY,
                "The body breaks " + broken.size() + " rule(s): " + violations.stream().limit(5)
                        .map(v -> v.target() + " " + v.message()).toList() + ".", violations);
    }

    /** Built on first use: reading alone needs no Bean Validation provider. */
    private static final class Validators {
        static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    }

    /** NotBlank becomes NOT_BLANK: the constraint's name is the violation's stable rule. */
    private static String rule(ConstraintViolation<?> violation) {
        String name = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** lines[0].characteristics[siteId] rather than the validator's node names. */
    static String path(Path path) {
        StringBuilder text = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                text.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                text.append('[').append(excerpt(String.valueOf(node.getKey()))).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                text.append(text.length() == 0 ? "" : ".").append(name);
            }
        }
        return text.toString();
    }

    // ---- parsing ------------------------------------------------------------------------------

    static JsonValue parse(String body) {
        try (JsonParser parser = JSON.createParser(new StringReader(body))) {
            if (!parser.hasNext()) {
                throw malformed("it is empty");
            }
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                throw DomainException.invalidInput(MALFORMED_JSON, "The body must be a JSON object.");
            }
            JsonValue tree = readObject(parser, 1, "");
            if (parser.hasNext()) {
                throw malformed("it has content after the JSON object");
            }
            return tree;
        } catch (JsonParsingException e) {
            throw malformed("line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber());
        } catch (JsonException | java.util.NoSuchElementException | IllegalStateException e) {
            throw malformed("it ends too early");
        }
    }

    private static JsonObject readObject(JsonParser parser, int depth, String path) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return object.build();
            }
            String key = parser.getString();
            String at = path.isEmpty() ? key : path + "." + key;
            if (key.length() > MAX_KEY_LENGTH) {
                throw shape(STRING_TOO_LONG, excerpt(at), "A field name is longer than " + MAX_KEY_LENGTH + " characters.");
            }
            requireClean(key, excerpt(at));
            object.add(key, readValue(parser, parser.next(), depth, at));
        }
    }

    private static JsonArray readArray(JsonParser parser, int depth, String path) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        int index = 0;
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return array.build();
            }
            array.add(readValue(parser, event, depth, path + "[" + index++ + "]"));
        }
    }

    private static JsonValue readValue(JsonParser parser, JsonParser.Event event, int depth, String path) {
        return switch (event) {
            case START_OBJECT -> readObject(parser, deeper(depth, path), path);
            case START_ARRAY -> readArray(parser, deeper(depth, path), path);
            case VALUE_STRING -> {
                String value = parser.getString();
                if (value.length() > MAX_STRING_LENGTH) {
                    throw shape(STRING_TOO_LONG, excerpt(path), "A string is longer than " + MAX_STRING_LENGTH + " characters.");
                }
                requireClean(value, excerpt(path));
                yield JSON.createValue(value);
            }
            case VALUE_NUMBER -> JSON.createValue(number(parser.getString(), path));
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw malformed("unexpected " + event);
        };
    }

    private static int deeper(int depth, String path) {
        if (depth >= MAX_DEPTH) {
            throw new DomainException(DomainException.Kind.INVALID_INPUT, JSON_TOO_DEEP,
                    "The body nests deeper than " + MAX_DEPTH + " levels.",
                    List.of(new Violation(JSON_TOO_DEEP, excerpt(path), "Nested deeper than " + MAX_DEPTH + " levels.")));
        }
        return depth + 1;
    }

    /** The number's text is bounded before it is converted, and its scale before anything uses it. */
    private static BigDecimal number(String text, String path) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            throw shape(NUMBER_OUT_OF_RANGE, excerpt(path), "A number is longer than " + MAX_NUMBER_LENGTH + " characters.");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw shape(WRONG_TYPE, excerpt(path), "must be a number");
        }
        if (Math.abs(value.scale()) > MAX_SCALE) {
            throw shape(NUMBER_OUT_OF_RANGE, excerpt(path), "A number's exponent is beyond ±" + MAX_SCALE + ".");
        }
        return value;
    }

    /** Tab, line feed and carriage return may stand in text; no other control character, no lone surrogate. */
    private static void requireClean(String value, String path) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || loneSurrogate) {
                throw shape(CONTROL_CHARACTER, path, "A string holds a control character or an unpaired surrogate"
                        + " (U+" + String.format("%04X", (int) c) + ").");
            }
        }
    }

    // ---- checking the tree against the contract type ---------------------------------------------

    private static void check(JsonValue value, Type type, String path, List<Violation> unknown, List<Violation> wrong) {
        if (unknown.size() + wrong.size() >= MAX_VIOLATIONS) {
            return; // enough to act on; a body of a million wrong items gets no answer of a million lines
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return; // absent: the field's @NotNull says whether that is allowed
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            expect(value, JsonValue.ValueType.STRING, "a string", path, wrong);
        } else if (raw == Boolean.class || raw == boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                wrong.add(new Violation(WRONG_TYPE, path, "must be true or false"));
            }
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            if (expect(value, JsonValue.ValueType.NUMBER, "a whole number", path, wrong)) {
                BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                long bound = raw == Long.class || raw == long.class ? Long.MAX_VALUE : Integer.MAX_VALUE;
                if (number.stripTrailingZeros().scale() > 0) {
                    wrong.add(new Violation(WRONG_TYPE, path, "must be a whole number"));
                } else if (number.abs().compareTo(BigDecimal.valueOf(bound)) > 0) {
                    wrong.add(new Violation(NUMBER_OUT_OF_RANGE, path, "must be between -" + bound + " and " + bound));
                }
            }
        } else if (raw == BigDecimal.class || raw == BigInteger.class) {
            if (value.getValueType() == JsonValue.ValueType.STRING) { // an exact decimal written as text: "1500.00"
                String text = ((JsonString) value).getString();
                try {
                    number(text, path);
                } catch (DomainException e) {
                    wrong.add(e.violations().isEmpty() ? new Violation(NUMBER_OUT_OF_RANGE, path, "is out of range")
                            : e.violations().get(0));
                }
            } else {
                expect(value, JsonValue.ValueType.NUMBER, "a number", path, wrong);
            }
        } else if (raw == UUID.class) {
            text(value, path, wrong, "a UUID such as 3f2b8c1e-0d4a-4b6e-9a51-7c2d1e0f9a10", s -> {
                if (s.length() != 36) {
                    throw new IllegalArgumentException();
                }
                UUID.fromString(s);
            });
        } else if (raw == Instant.class) {
            text(value, path, wrong, "an ISO-8601 instant such as 2026-07-01T08:00:00Z", s -> year(
                    DateTimeFormatter.ISO_INSTANT.parse(s, Instant::from).atOffset(ZoneOffset.UTC).getYear()));
        } else if (raw == LocalDate.class) {
            text(value, path, wrong, "an ISO-8601 date such as 2026-07-01",
                    s -> year(LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE).getYear()));
        } else if (raw.isEnum()) {
            if (expect(value, JsonValue.ValueType.STRING, "a string", path, wrong)) {
                String given = ((JsonString) value).getString();
                List<String> allowed = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                if (!allowed.contains(given)) {
                    wrong.add(new Violation(VALUE_NOT_ALLOWED, path, "must be one of " + allowed + ", not '"
                            + excerpt(given) + "'", allowed));
                }
            }
        } else if (Collection.class.isAssignableFrom(raw)) {
            if (expect(value, JsonValue.ValueType.ARRAY, "an array", path, wrong)) {
                Type element = argument(type, 0);
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).getValueType() == JsonValue.ValueType.NULL) {
                        wrong.add(new Violation(WRONG_TYPE, path + "[" + i + "]", "must not be null"));
                    } else {
                        check(array.get(i), element, path + "[" + i + "]", unknown, wrong);
                    }
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (expect(value, JsonValue.ValueType.OBJECT, "an object", path, wrong)) {
                Type element = argument(type, 1);
                value.asJsonObject().forEach((key, v) -> {
                    if (v.getValueType() == JsonValue.ValueType.NULL) { // a map holds values: no entry is absent
                        wrong.add(new Violation(WRONG_TYPE, join(path, key), "must not be null"));
                    } else {
                        check(v, element, join(path, key), unknown, wrong);
                    }
                });
            }
        } else if (raw.isRecord()) {
            if (expect(value, JsonValue.ValueType.OBJECT, "an object", path, wrong)) {
                Map<String, RecordComponent> fields = fields(raw);
                value.asJsonObject().forEach((key, v) -> {
                    RecordComponent field = fields.get(key);
                    if (field == null) {
                        unknown.add(new Violation(UNKNOWN_FIELD, join(path, key), "is not a field of " + raw.getSimpleName()
                                + "; known fields: " + fields.keySet(), List.copyOf(fields.keySet())));
                    } else {
                        check(v, field.getGenericType(), join(path, key), unknown, wrong);
                    }
                });
            }
        } else {
            throw new IllegalStateException("no JSON contract for " + type + " at " + path);
        }
    }

    private static boolean expect(JsonValue value, JsonValue.ValueType type, String what, String path, List<Violation> wrong) {
        if (value.getValueType() != type) {
            wrong.add(new Violation(WRONG_TYPE, path, "must be " + what + ", not " + describe(value)));
            return false;
        }
        return true;
    }

    private interface TextCheck {
        void accept(String text);
    }

    private static void text(JsonValue value, String path, List<Violation> wrong, String what, TextCheck check) {
        if (expect(value, JsonValue.ValueType.STRING, what, path, wrong)) {
            String text = ((JsonString) value).getString();
            try {
                check.accept(text);
            } catch (DateOutOfRange e) {
                wrong.add(new Violation(DATE_OUT_OF_RANGE, path, "must lie between the years 1 and " + MAX_YEAR));
            } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
                wrong.add(new Violation(WRONG_TYPE, path, "must be " + what + ", not '" + excerpt(text) + "'"));
            }
        }
    }

    private static final class DateOutOfRange extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DateOutOfRange() {
            super(null, null, false, false);
        }
    }

    private static void year(int year) {
        if (year < 1 || year > MAX_YEAR) {
            throw new DateOutOfRange();
        }
    }

    private static Map<String, RecordComponent> fields(Class<?> record) {
        return FIELDS.computeIfAbsent(record, r -> {
            Map<String, RecordComponent> fields = new LinkedHashMap<>();
            for (RecordComponent component : r.getRecordComponents()) {
                JsonbProperty renamed = component.getAnnotation(JsonbProperty.class);
                fields.put(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName(), component);
            }
            return java.util.Collections.unmodifiableMap(fields);
        });
    }

    /** The class of a declared type (the raw class of a parameterized one, the bound of a wildcard); JsonSchema uses it too. */
    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        throw new IllegalStateException("no JSON contract for " + type);
    }

    static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static String describe(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case TRUE, FALSE -> "a boolean";
            case NULL -> "null";
        };
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? excerpt(key) : path + "." + excerpt(key);
    }

    private static String targets(List<Violation> violations) {
        List<String> targets = violations.stream().limit(5).map(Violation::target).toList();
        return String.join(", ", targets) + (violations.size() > 5 ? " and " + (violations.size() - 5) + " more" : "");
    }

    private static String name(Type type) {
        return raw(type).getSimpleName();
    }

    /** At most 60 characters of what a client sent. */
    public static String excerpt(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static DomainException malformed(String where) {
        return DomainException.invalidInput(MALFORMED_JSON, "The body is not well-formed JSON: " + where + ".");
    }

    private static DomainException shape(String rule, String path, String message) {
        return new DomainException(DomainException.Kind.INVALID_INPUT, INVALID_REQUEST_BODY, message,
                List.of(new Violation(rule, path, message)));
    }
}
