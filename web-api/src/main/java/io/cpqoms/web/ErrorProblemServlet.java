package io.cpqoms.web;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The body of every error the servlet container answers itself (web.xml error pages): the 401 of the
 * realm's Basic authentication, what Jersey refuses without an entity (an Accept or Content-Type it
 * cannot parse), and any exception that escapes a filter or servlet. A problem detail like every
 * other error, with a stable code for the status, never the server's HTML page. Headers set before
 * (the Basic challenge of a 401, the correlation id) are kept.
 */
@WebServlet(ErrorProblemServlet.PATH)
public class ErrorProblemServlet extends HttpServlet {

    static final String PATH = "/problems/error";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorProblemServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String correlationId = response.getHeader(CorrelationFilter.HEADER);
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
            response.setHeader(CorrelationFilter.HEADER, correlationId);
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly rather than dispatched for an error: there is nothing here
        int status = code instanceof Integer given ? given : HttpServletResponse.SC_NOT_FOUND;
        if (failure instanceof Throwable thrown) {
            if (ServiceUnavailable.isCause(thrown)) {
                LOG.log(Level.WARNING, "database unavailable, correlation " + correlationId + ": " + thrown);
                status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
                response.setHeader("Retry-After", Integer.toString(ServiceUnavailable.retryAfterSeconds()));
            } else {
                LOG.log(Level.SEVERE, "unexpected failure, correlation " + correlationId, thrown);
                status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
            }
        } else if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE && response.getHeader("Retry-After") == null) {
            response.setHeader("Retry-After", Integer.toString(ServiceUnavailable.retryAfterSeconds()));
        }
        if (status < 400 || status > 599) {
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        write(response, status, correlationId, detail(status, correlationId));
    }

    private static void write(HttpServletResponse response, int status, String correlationId, String detail)
            throws IOException {
        String code = code(status);
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        JsonObjectBuilder problem = Json.createObjectBuilder()
                .add("type", "urn:cpq:problem:" + code.toLowerCase().replace('_', '-'))
                .add("title", statusType != null ? statusType.getReasonPhrase() : title(status))
                .add("status", status)
                .add("detail", detail)
                .add("code", code)
                .add("correlationId", correlationId);
        byte[] body = problem.build().toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        // bytes, not a writer: the container adds no charset (JSON is UTF-8, RFC 8259)
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The stable code a client can switch on, for each status the container may answer. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "INVALID_REQUEST";
            case 401 -> AuthorizationFilter.AUTHENTICATION_REQUIRED;
            case 403 -> AuthorizationFilter.ROLE_REQUIRED;
            case 404 -> "RESOURCE_NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "REQUEST_TIMEOUT";
            case 411 -> "LENGTH_REQUIRED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "REQUEST_HEADER_FIELDS_TOO_LARGE";
            case 503 -> ServiceUnavailable.CODE;
            default -> status < 500 ? "INVALID_REQUEST" : "INTERNAL_ERROR";
        };
    }

    private static String detail(int status, String correlationId) {
        return switch (status) {
            case 400 -> "The request is malformed (request line, headers or body) and was not processed.";
            case 401 -> "Authenticate with HTTP Basic credentials of the server's security realm.";
            case 403 -> "This operation needs a role the caller does not have.";
            case 404 -> "There is no resource at this path.";
            case 405 -> "The resource does not support this method.";
            case 406 -> "The resource cannot answer in a media type the Accept header allows; ask for application/json.";
            case 413 -> "The request body is larger than the server accepts.";
            case 415 -> "The request body's media type or charset is not supported; send application/json in UTF-8.";
            case 431 -> "The request headers are larger than the server accepts.";
            case 503 -> "The service is not available at the moment; retry after the Retry-After seconds.";
            default -> status < 500 ? "The request was refused by the server."
                    : "The request failed unexpectedly; quote correlation id " + correlationId + " to support.";
        };
    }

    private static String title(int status) {
        return status == 431 ? "Request Header Fields Too Large" : status < 500 ? "Client Error" : "Server Error";
    }
}
