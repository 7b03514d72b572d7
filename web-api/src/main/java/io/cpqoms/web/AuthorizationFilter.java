package io.cpqoms.web;

import io.cpqoms.order.api.AccessAudit;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Decides every request before any resource runs, so a refusal never depends on (or reveals) whether
 * the addressed object exists: 401 without credentials, 403 without one of the method's roles or
 * without exactly one tenant. Fails closed: a resource method without @RolesAllowed or @PermitAll
 * is refused to everyone.
 */
@Provider
@Priority(Priorities.AUTHORIZATION - 1) // before the server's own @RolesAllowed check, so refusals are audited
public class AuthorizationFilter implements ContainerRequestFilter {

    public static final String AUTHENTICATION_REQUIRED = "AUTHENTICATION_REQUIRED";
    public static final String ROLE_REQUIRED = "ROLE_REQUIRED";
    public static final String TENANT_UNDEFINED = "TENANT_UNDEFINED";

    @Context
    ResourceInfo resource;

    @Inject
    CallerContext caller;

    @EJB
    AccessAudit accessAudit;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return; // no resource matched: the 404 needs no authorization
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.isAnnotationPresent(RolesAllowed.class)
                ? method.getAnnotation(RolesAllowed.class)
                : resource.getResourceClass().getAnnotation(RolesAllowed.class);
        if (!caller.authenticated()) {
            request.abortWith(Problem.response(Response.Status.UNAUTHORIZED, AUTHENTICATION_REQUIRED,
                    "Authenticate with HTTP Basic credentials of the server's security realm.", caller.correlationId(), List.of()));
            return;
        }
        if (allowed == null || Arrays.stream(allowed.value()).noneMatch(caller::inRole)) {
            auditDenied(method, request, ROLE_REQUIRED);
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, ROLE_REQUIRED,
                    allowed == null ? "This operation is not open to any role."
                            : "This operation needs one of the roles " + Arrays.toString(allowed.value()) + ".",
                    caller.correlationId(), List.of()));
            return;
        }
        if (caller.tenants().size() != 1) {
            auditDenied(method, request, TENANT_UNDEFINED);
            request.abortWith(Problem.response(Response.Status.FORBIDDEN, TENANT_UNDEFINED,
                    "The caller must belong to exactly one tenant group (tenant-<id>) of the security realm.",
                    caller.correlationId(), List.of()));
        }
    }

    /** A refused attempt at a sensitive action is audited; the refusal itself does not change. */
    private void auditDenied(Method method, ContainerRequestContext request, String reason) {
        SensitiveAction sensitive = method.getAnnotation(SensitiveAction.class);
        if (sensitive == null) {
            return;
        }
        var path = request.getUriInfo().getPathParameters();
        String orderId = path.containsKey("orderId") ? path.getFirst("orderId") : path.getFirst("id");
        try {
            orderId = orderId == null ? null : java.util.UUID.fromString(orderId).toString();
        } catch (IllegalArgumentException e) {
            orderId = null;
        }
        accessAudit.denied(caller.tenants().size() == 1 ? caller.tenants().iterator().next() : null,
                caller.name(), caller.correlationId(), sensitive.value(), orderId, reason);
    }
}
