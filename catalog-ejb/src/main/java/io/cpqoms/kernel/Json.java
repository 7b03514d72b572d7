package io.cpqoms.kernel;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.lang.reflect.Type;

/**
 * The one JSON binding of the product, used for JSONB columns and for documents the API takes whole.
 * Jsonb instances are thread-safe and expensive to create, so there is exactly one.
 */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

    private Json() {
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    public static <T> T read(String json, Type type) {
        return JSONB.fromJson(json, type);
    }
}
