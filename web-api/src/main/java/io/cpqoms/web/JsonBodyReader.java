package io.cpqoms.web;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Binds every JSON request body to its record: bounded in size (413), UTF-8 only (415), read by
 * {@link JsonBody} and checked by the record's Bean Validation constraints. A refused body is a problem
 * detail listing every violation with its field path; nothing reaches a context.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<Object> {

    public static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";
    public static final String UNSUPPORTED_CHARSET = "UNSUPPORTED_CHARSET";

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

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
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
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
        byte[] bytes = entity.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        Object body = JsonBody.read(utf8(bytes), genericType);
        validate(body);
        return body;
    }

    /** The record's constraints, every broken one as a violation with its field path. */
    public static void validate(Object body) {
        Set<ConstraintViolation<Object>> broken = VALIDATOR.validate(body);
        if (broken.isEmpty()) {
            return;
        }
        List<Violation> violations = broken.stream()
                .map(v -> new Violation(rule(v), path(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Violation::target).thenComparing(Violation::rule))
                .toList();
        throw new DomainException(DomainException.Kind.INVALID_INPUT, JsonBody.INVALID_REQUEST_BODY,
                "The body breaks " + violations.size() + " rule(s): " + violations.stream().limit(5)
                        .map(v -> v.target() + " " + v.message()).toList() + ".", violations);
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
                text.append('[').append(JsonBody.excerpt(String.valueOf(node.getKey()))).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                text.append(text.length() == 0 ? "" : ".").append(name);
            }
        }
        return text.toString();
    }

    private Problem.Refusal tooLarge(long limit) {
        return problem(Response.Status.REQUEST_ENTITY_TOO_LARGE, BODY_TOO_LARGE,
                "The body is larger than this operation's limit of " + limit + " bytes.");
    }

    private Problem.Refusal problem(Response.Status status, String code, String detail) {
        return new Problem.Refusal(Problem.response(status, code, detail, caller.correlationId(), List.of()));
    }
}
