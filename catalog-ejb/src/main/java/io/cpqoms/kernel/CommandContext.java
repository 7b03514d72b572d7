package io.cpqoms.kernel;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks, for which tenant, with which roles, under which correlation id. Every command and query
 * takes one, so the tenant never comes from a request field, every audit entry knows its actor, and a
 * context can make the role-dependent decisions of its own domain (what a role may see or override).
 * The work groups (realm groups {@code workgroup-<name>}) route operational work such as fallout cases.
 */
public record CommandContext(String tenantId, String actor, String correlationId, Set<String> roles,
                             Set<String> workgroups) {

    public CommandContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        workgroups = workgroups == null ? Set.of() : Set.copyOf(workgroups);
    }

    /** A caller in no work group: a system, an integration, or a user whose work is not routed by group. */
    public CommandContext(String tenantId, String actor, String correlationId, Set<String> roles) {
        this(tenantId, actor, correlationId, roles, Set.of());
    }

    public boolean inWorkgroup(String workgroup) {
        return workgroups.contains(workgroup);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
