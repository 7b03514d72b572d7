package io.cpqoms.kernel;

import java.util.Objects;

/**
 * Who asks, for which tenant, under which correlation id. Every command and query takes one, so the
 * tenant never comes from a request field and every audit entry knows its actor.
 */
public record CommandContext(String tenantId, String actor, String correlationId) {
    public CommandContext {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
