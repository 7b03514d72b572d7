package io.cpqoms.web;

import io.cpqoms.kernel.Violation;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail with the product's stable {@code code} and, for rule violations, every
 * broken rule with the element it concerns.
 */
public record Problem(String type, String title, int status, String detail, String code,
                      String correlationId, List<Violation> violations) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(Response.StatusType status, String code, String detail,
                                    String correlationId, List<Violation> violations) {
        Problem problem = new Problem("urn:cpq:problem:" + code.toLowerCase().replace('_', '-'),
                status.getReasonPhrase(), status.getStatusCode(), detail, code, correlationId,
                violations.isEmpty() ? null : violations);
        return Response.status(status.getStatusCode()).type(MEDIA_TYPE).entity(problem).build();
    }

    /** A refusal the boundary answers itself (413, 415, ...), problem detail included. */
    public static final class Refusal extends WebApplicationException {

        private static final long serialVersionUID = 1L;

        public Refusal(Response problem) {
            super(problem);
        }
    }
}
