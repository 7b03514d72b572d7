package io.cpqoms.web;

import io.cpqoms.kernel.JsonBody;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The limits of everything a request carries besides its body, checked before any resource is
 * chosen: a path and query that decode (400 MALFORMED_URI), path segments and query values of bounded
 * length without control characters (400 INVALID_PARAMETER), and Accept and Content-Type headers that
 * parse (406, 415). Each refusal is a problem detail.
 */
@Provider
@PreMatching
@Priority(Priorities.USER + 100)
public class RequestLimitsFilter implements ContainerRequestFilter {

    public static final String MALFORMED_URI = "MALFORMED_URI";
    static final int MAX_SEGMENT = 200;
    static final int MAX_QUERY_VALUE = 1000;
    static final int MAX_QUERY_PARAMETERS = 50;


    @Inject
    CallerContext caller;

    @Context
    HttpServletRequest servlet;

    @Override
    public void filter(ContainerRequestContext request) {
        List<PathSegment> segments;
        MultivaluedMap<String, String> query;
        // as the client sent it: Jersey's request URI has stray '%' re-encoded already
        String raw = servlet.getRequestURI() + "?" + (servlet.getQueryString() == null ? "" : servlet.getQueryString());
        if (!decodes(raw)) {
            abort(request, Response.Status.BAD_REQUEST, MALFORMED_URI, "The request URI has a malformed percent-encoding or escapes bytes that are not UTF-8.");
            return;
        }
        try {
            segments = request.getUriInfo().getPathSegments(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            abort(request, Response.Status.BAD_REQUEST, MALFORMED_URI, "The request URI has a malformed percent-encoding.");
            return;
        }
        for (PathSegment segment : segments) {
            if (!clean(segment.getPath(), MAX_SEGMENT)) {
                abort(request, Response.Status.BAD_REQUEST, Parameters.INVALID_PARAMETER, "A path segment is longer than "
                        + MAX_SEGMENT + " characters or holds a control character.");
                return;
            }
        }
        if (query.size() > MAX_QUERY_PARAMETERS) {
            abort(request, Response.Status.BAD_REQUEST, Parameters.INVALID_PARAMETER, "More than " + MAX_QUERY_PARAMETERS
                    + " query parameters.");
            return;
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            boolean clean = clean(parameter.getKey(), MAX_SEGMENT)
                    && parameter.getValue().stream().allMatch(v -> clean(v, MAX_QUERY_VALUE));
            if (!clean) {
                abort(request, Response.Status.BAD_REQUEST, Parameters.INVALID_PARAMETER, "The query parameter '"
                        + JsonBody.excerpt(printable(parameter.getKey())) + "' is longer than " + MAX_QUERY_VALUE
                        + " characters or holds a control character.");
                return;
            }
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException e) {
            abort(request, Response.Status.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
                    "The Accept header does not parse; the API answers application/json and application/problem+json.");
            return;
        }
        try {
            request.getMediaType();
        } catch (RuntimeException e) {
            abort(request, Response.Status.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "The Content-Type header does not parse; request bodies are application/json.");
        }
    }

    private void abort(ContainerRequestContext request, Response.Status status, String code, String detail) {
        request.abortWith(Problem.response(status, code, detail, caller.correlationId(), List.of()));
    }

    /** Every escape is % and two hex digits, and the bytes they stand for are UTF-8. */
    static boolean decodes(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                bytes.write(c);
            } else if (i + 2 < raw.length() && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static boolean clean(String text, int max) {
        if (text.length() > max) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}
