package io.cpqoms.web;

import io.cpqoms.kernel.DomainException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Everything that is not a context's refusal: the framework's own HTTP errors (unknown path, wrong
 * method or media type) as problem details, a concurrent change as 409, and anything else as a logged
 * 500 that shows no internals.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    CallerContext caller;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof Problem.Refusal refusal) {
            return refusal.getResponse();
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DomainException domain) {
                return DomainExceptionMapper.problem(domain, caller.correlationId());
            }
            if (cause instanceof OptimisticLockException) {
                return Problem.response(Response.Status.CONFLICT, "CONCURRENT_MODIFICATION",
                        "The resource was changed by another request; read it again and retry.",
                        caller.correlationId(), List.of());
            }
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            if (status.getStatusCode() == 403) { // the server's own @RolesAllowed check
                return Problem.response(status, AuthorizationFilter.ROLE_REQUIRED,
                        "This operation needs a role the caller does not have.", caller.correlationId(), List.of());
            }
            String code = switch (status.getStatusCode()) {
                case 401 -> AuthorizationFilter.AUTHENTICATION_REQUIRED;
                case 404 -> "RESOURCE_NOT_FOUND";
                case 405 -> "METHOD_NOT_ALLOWED";
                case 406 -> "NOT_ACCEPTABLE";
                case 415 -> "UNSUPPORTED_MEDIA_TYPE";
                default -> "INVALID_REQUEST";
            };
            return Problem.response(status, code, e.getMessage(), caller.correlationId(), List.of());
        }
        LOG.log(Level.SEVERE, "unexpected failure, correlation " + caller.correlationId(), e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "The request failed unexpectedly; quote correlation id " + caller.correlationId() + " to support.",
                caller.correlationId(), List.of());
    }
}
