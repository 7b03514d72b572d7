package io.cpqoms.web;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.jacc.PolicyContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.security.jacc.PolicyContextException;
import java.security.Principal;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.security.auth.Subject;

/**
 * Who calls, for which tenant, with which roles, under which correlation id, for the current request.
 * The caller is authenticated by the server's security realm; the tenant is the realm group
 * {@code tenant-<id>} of that caller and never comes from the request.
 */
@RequestScoped
public class CallerContext {

    private static final String SUBJECT = "javax.security.auth.Subject.container";

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    private String correlationId;
    private Set<String> roles;
    private Set<String> tenants;
    private Set<String> workgroups;

    void correlate(String correlationId) {
        this.correlationId = correlationId;
    }

    public String correlationId() {
        return correlationId;
    }

    public boolean authenticated() {
        return security.getCallerPrincipal() != null;
    }

    public boolean inRole(String role) {
        return roles().contains(role);
    }

    /**
     * The application roles the caller has, asked of the web container once per request: each role is
     * one permission check of the server's policy (the realm's groups mapped to roles by the deployment,
     * cpq-ear glassfish-application.xml), and a request asks for several.
     */
    private Set<String> roles() {
        if (roles == null) {
            roles = security.getCallerPrincipal() == null ? Set.of()
                    : Roles.ALL.stream().filter(request::isUserInRole).collect(Collectors.toUnmodifiableSet());
        }
        return roles;
    }

    /** The tenants the caller's realm groups name; a well-configured user has exactly one. */
    public Set<String> tenants() {
        if (tenants == null) {
            tenants = named(Roles.TENANT_GROUP_PREFIX);
        }
        return tenants;
    }

    /** The work groups the caller's realm groups name. */
    private Set<String> workgroups() {
        if (workgroups == null) {
            workgroups = named(Roles.WORKGROUP_PREFIX);
        }
        return workgroups;
    }

    private static Set<String> named(String prefix) {
        return groups().stream().filter(g -> g.startsWith(prefix) && g.length() > prefix.length())
                .map(g -> g.substring(prefix.length())).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The roles that see what offerings cost the provider (unit costs, margins): not customer-facing roles. */
    private static final java.util.List<String> COST_READERS = java.util.List.of(Roles.CATALOG_ADMIN, Roles.SALES,
            Roles.SALES_APPROVER, Roles.DEAL_DESK, Roles.ORDER_CAPTURE, Roles.OPERATIONS, Roles.OPERATIONS_SUPERVISOR);

    /** Whether the caller may see unit costs and margins; a customer-service reader sees prices only. */
    public boolean seesCosts() {
        return COST_READERS.stream().anyMatch(this::inRole);
    }

    /** The authenticated caller's name, or null. */
    public String name() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public CommandContext command() {
        Principal caller = security.getCallerPrincipal();
        if (caller == null || tenants().size() != 1) {
            throw new IllegalStateException("the authorization filter admits only callers with one tenant");
        }
        return new CommandContext(tenants().iterator().next(), caller.getName(), correlationId, roles(), workgroups());
    }

    /** The realm groups of the caller, as the server's JACC subject holds them. */
    private static Set<String> groups() {
        try {
            Subject subject = PolicyContext.getContext(SUBJECT);
            if (subject == null) {
                return Set.of();
            }
            return subject.getPrincipals().stream()
                    .filter(p -> p.getClass().getSimpleName().equals("Group"))
                    .map(Principal::getName)
                    .collect(Collectors.toSet());
        } catch (PolicyContextException e) {
            throw new IllegalStateException("the server does not expose the caller's subject", e);
        }
    }
}
