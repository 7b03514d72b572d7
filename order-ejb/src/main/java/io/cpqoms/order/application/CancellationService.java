package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.CancellationCommands;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.FulfillmentPlan;
import io.cpqoms.order.infrastructure.Orders;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Cancellation (seed 000, sections 18-19). The order becomes CANCELLING: items not started are
 * cancelled, work under way is awaited, and completed work is compensated by its system in reverse
 * order; the order is CANCELLED when every item is settled, at once when nothing was started. Completed or running work without a compensation action
 * is the point of no return: such an order is refused, it needs a change order instead. Asking again
 * for a cancelling or cancelled order changes nothing.
 */
@Stateless
public class CancellationService implements CancellationCommands {

    public static final String INVALID_CANCELLATION_REQUEST = "INVALID_CANCELLATION_REQUEST";
    public static final String ORDER_NOT_CANCELLABLE = "ORDER_NOT_CANCELLABLE";

    @Inject
    private Orders orders;

    @Inject
    private OrderJournal journal;

    @Inject
    private OrderProgress progress;

    @Inject
    private OrderViews views;

    @Override
    public OrderView cancel(CommandContext context, UUID orderId, CancellationRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank() || request.initiator() == null) {
            throw DomainException.invalidInput(INVALID_CANCELLATION_REQUEST,
                    "A cancellation states its reason and its initiator (CUSTOMER or INTERNAL).");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        if (order.status() == OrderStatus.CANCELLING || order.status() == OrderStatus.CANCELLED) {
            return views.of(order);
        }
        if (order.status() == OrderStatus.COMPLETED || order.status() == OrderStatus.FAILED) {
            throw DomainException.conflict(ORDER_NOT_CANCELLABLE, "Order " + order.orderNumber() + " is " + order.status()
                    + "; what it delivered is changed or terminated by a change order, not cancelled.");
        }
        Instant now = Instant.now();
        FulfillmentPlan plan = new FulfillmentPlan(orders.items(orderId));
        List<FulfillmentItem> irreversible = plan.irreversible();
        if (!irreversible.isEmpty()) {
            throw DomainException.conflict(FulfillmentItem.POINT_OF_NO_RETURN, "Order " + order.orderNumber()
                    + " is past the point of no return: " + irreversible.stream().map(i -> i.itemType() + " (" + i.status() + ")")
                    .toList() + " cannot be compensated.");
        }
        String causation = "cancellation:" + order.id();
        order.requestCancellation(context.actor(), request, now);
        journal.audit(context, order, "ORDER_CANCELLATION_REQUESTED", now, "reason", request.reason(),
                "initiator", request.initiator());
        journal.event(context, order, "order.cancellation-requested.v1", causation, now, "reason", request.reason(),
                "initiator", request.initiator());
        progress.advance(context, order, plan, causation, now);
        return views.of(order);
    }
}
