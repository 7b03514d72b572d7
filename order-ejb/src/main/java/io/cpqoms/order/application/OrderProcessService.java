package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.OrderEvent;
import io.cpqoms.order.domain.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * The order steps run from the order command queue, each in its own transaction after the one that
 * asked for it committed: today {@value OrderEvent#PLAN_FULFILLMENT}, asked for when a supervisor lets
 * a held order through. A step that finds the order past it does nothing, so a redelivered request is
 * harmless.
 */
@Stateless
public class OrderProcessService {

    @Inject
    private OrderRepository orders;

    @Inject
    private OrderChecks checks;

    /** Builds the plan of a validated order and starts its fulfillment. */
    public void planFulfillment(CommandContext context, UUID orderId, String causationId) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        if (!order.awaitsPlan()) {
            return;
        }
        order.plan(checks.specifications(context, order), Instant.now());
        orders.save(order, context, causationId);
    }
}
