package io.cpqoms.web;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import jakarta.json.bind.JsonbException;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;

/**
 * Reads a request body into a contract type with errors a client can act on: malformed JSON and
 * values of the wrong type are 400 with their own codes, before anything reaches a context.
 */
public final class JsonBody {

    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String INVALID_REQUEST_BODY = "INVALID_REQUEST_BODY";

    private JsonBody() {
    }

    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw DomainException.invalidInput(INVALID_REQUEST_BODY, "The request needs a JSON body.");
        }
        requireWellFormedObject(body);
        try {
            return Json.read(body, type);
        } catch (JsonbException e) {
            throw DomainException.invalidInput(INVALID_REQUEST_BODY,
                    "The JSON does not match the expected " + type.getSimpleName() + ": " + rootMessage(e));
        }
    }

    private static void requireWellFormedObject(String body) {
        // Walks every event instead of Parsson's skipObject(), which never returns on truncated input.
        try (JsonParser parser = jakarta.json.Json.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw DomainException.invalidInput(MALFORMED_JSON, "The body must be a JSON object.");
            }
            int depth = 1;
            while (depth > 0) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    depth++;
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            }
            if (parser.hasNext()) {
                throw DomainException.invalidInput(MALFORMED_JSON, "The body has content after the JSON object.");
            }
        } catch (JsonParsingException e) {
            throw DomainException.invalidInput(MALFORMED_JSON, "The body is not well-formed JSON: "
                    + e.getMessage() + " (line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber() + ").");
        } catch (JsonException | java.util.NoSuchElementException e) {
            throw DomainException.invalidInput(MALFORMED_JSON, "The body is not well-formed JSON: it ends too early.");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : e.getMessage();
    }
}
