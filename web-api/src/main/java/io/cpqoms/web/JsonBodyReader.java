package io.cpqoms.web;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.JsonBody;
import io.cpqoms.kernel.Violation;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Binds every JSON request body to its record: bounded in size (413), UTF-8 only (415), read by
 * {@link JsonBody} and checked by the record's Bean Validation constraints. A refused body is a problem
 * detail listing every violation with its field path; nothing reaches a context. It reads records only,
 * which also makes it the nearest reader for them, ahead of the JSON-B provider that reads any type.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
@Priority(Priorities.USER) // before the JSON-B provider, which also reads application/json
public class JsonBodyReader implements MessageBodyReader<Record> {

    public static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";
    public static final String UNSUPPORTED_CHARSET = "UNSUPPORTED_CHARSET";
    public static final String BODY_INCOMPLETE = "BODY_INCOMPLETE";

    @Inject
    CallerContext caller;

    @Inject
    @ConfigProperty(name = "cpq.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "cpq.api.max-batch-body-bytes", defaultValue = "8388608")
    long maxBatchBodyBytes;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(Class<Record> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        String charset = mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
            throw problem(Response.Status.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_CHARSET,
                    "Request bodies are JSON in UTF-8; send Content-Type: application/json or application/json; charset=UTF-8.");
        }
        long limit = batch(annotations) ? maxBatchBodyBytes : maxBodyBytes;
        String declared = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.length() < 19 && declared.chars().allMatch(Character::isDigit)
                && Long.parseLong(declared) > limit) {
            throw tooLarge(limit);
        }
        byte[] bytes;
        try {
            bytes = entity.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) { // the client sent less than its Content-Length and stopped, or went away
            throw problem(Response.Status.BAD_REQUEST, BODY_INCOMPLETE,
                    "The body ended before the length its Content-Length header announced.");
        }
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        Record body = JsonBody.read(utf8(bytes), genericType);
        JsonBody.validate(body);
        return body;
    }

    private static boolean batch(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof BatchBody) {
                return true;
            }
        }
        return false;
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw DomainException.invalidInput(JsonBody.MALFORMED_JSON, "The body is not valid UTF-8.");
        }
    }

    private Problem.Refusal tooLarge(long limit) {
        return problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, BODY_TOO_LARGE,
                "The body is larger than this operation's limit of " + limit + " bytes.");
    }

    private Problem.Refusal problem(Response.Status status, String code, String detail) {
        return new Problem.Refusal(Problem.response(status, code, detail, caller.correlationId(), List.of()));
    }
}
