package io.cpqoms.order.application;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.api.AccessAudit;
import io.cpqoms.order.infrastructure.Orders;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/** Writes a refused attempt as an ACCESS_DENIED audit entry, in its own transaction. */
@Stateless
public class AccessAuditService implements AccessAudit {

    @Inject
    private Orders orders;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void denied(String tenantId, String actor, String correlationId, String action, String orderId, String reason) {
        CommandContext context = new CommandContext(tenantId == null ? NO_TENANT : tenantId, actor, correlationId, null);
        orders.record(new AuditEntry(context, Instant.now(), "ACCESS_DENIED", OrderJournal.AGGREGATE,
                orderId == null ? "-" : orderId, 0, OrderJournal.map("attemptedAction", action, "reason", reason)));
    }
}
