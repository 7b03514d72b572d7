package io.cpqoms.kernel;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks, for which tenant, with which roles, under which correlation id. Every command and query
 * takes one, so the tenant never comes from a request field, every audit entry knows its actor, and a
 * context can make the role-dependent decisions of its own domain (what a role may see or override).
 */
public record CommandContext(String tenantId, String actor, String correlationId, Set<String> roles) {

    public CommandContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
