package io.cpqoms.web;

import io.cpqoms.kernel.DomainException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal of a context becomes a problem detail: 400, 404, 409 or 422 by its kind. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Inject
    CallerContext caller;

    @Override
    public Response toResponse(DomainException e) {
        return problem(e, caller.correlationId());
    }

    static Response problem(DomainException e, String correlationId) {
        Response.Status status = switch (e.kind()) {
            case INVALID_INPUT -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case RULE_VIOLATION -> null;
        };
        return Problem.response(status != null ? status : UNPROCESSABLE, e.code(), e.getMessage(),
                correlationId, e.violations());
    }

    static final Response.StatusType UNPROCESSABLE = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };
}
