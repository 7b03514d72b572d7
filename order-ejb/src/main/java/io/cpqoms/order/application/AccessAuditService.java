package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.api.AccessAudit;
import io.cpqoms.order.domain.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Writes a refused attempt as an ACCESS_DENIED audit entry, in its own transaction. */
@Stateless
public class AccessAuditService implements AccessAudit {

    @Inject
    private OrderRepository orders;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void denied(String tenantId, String actor, String correlationId, String action, String orderId, String reason) {
        orders.accessDenied(new CommandContext(tenantId == null ? NO_TENANT : tenantId, actor, correlationId, null),
                orderId, action, reason);
    }
}
