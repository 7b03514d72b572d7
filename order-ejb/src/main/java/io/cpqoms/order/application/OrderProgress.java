package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.FulfillmentPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Moves an order's fulfillment forward after any change to its plan, inside the command's
 * transaction with the order locked. In fulfillment: an order in fallout whose failed items have all
 * been dealt with goes on; the items whose dependencies are complete are dispatched; the order is
 * completed when every item has. In cancellation: what has not started is cancelled, completed work
 * is compensated in reverse order, and the order is cancelled when every item is settled. The lines'
 * fulfillment summaries follow.
 */
@ApplicationScoped
public class OrderProgress {

    @Inject
    private OrderJournal journal;

    @Inject
    private FalloutCases fallout;

    public void advance(CommandContext context, CustomerOrder order, FulfillmentPlan plan, String causationId, Instant now) {
        if (order.status() == OrderStatus.FALLOUT && !plan.items().isEmpty() && !plan.anyFailed()) {
            order.moveTo(OrderStatus.IN_PROGRESS, now);
            journal.audit(context, order, "ORDER_FALLOUT_CLEARED", now);
            journal.event(context, order, "order.fulfillment-resumed.v1", causationId, now);
        }
        if (order.status() == OrderStatus.IN_PROGRESS) {
            for (FulfillmentItem item : plan.ready()) {
                send(context, order, item, item.dispatch(context.tenantId(), order.orderNumber(), now),
                        "FULFILLMENT_ITEM_DISPATCHED", "order.fulfillment-item.started.v1", causationId, now);
            }
        }
        if (order.status() == OrderStatus.CANCELLING) {
            for (FulfillmentItem item : plan.items()) {
                if (item.cancel(now)) {
                    journal.audit(context, order, "FULFILLMENT_ITEM_CANCELLED", now, "itemId", item.id(),
                            "itemType", item.itemType());
                }
            }
            for (FulfillmentItem item : plan.compensable()) {
                send(context, order, item, item.compensate(context.tenantId(), order.orderNumber(), now),
                        "FULFILLMENT_ITEM_COMPENSATION_DISPATCHED", "order.compensation-started.v1", causationId, now);
            }
        }
        order.summariseFulfillment(plan.lineSummaries(), now);
        if (order.status() == OrderStatus.IN_PROGRESS && plan.allCompleted()) {
            order.moveTo(OrderStatus.COMPLETED, now);
            journal.audit(context, order, "ORDER_COMPLETED", now, "fulfillmentItems", plan.items().size());
            journal.event(context, order, "order.completed.v1", causationId, now,
                    "fulfillmentItems", plan.items().size(), "completedAt", now.toString());
        }
        if (order.status() == OrderStatus.CANCELLING && plan.settled()) {
            order.cancelled(now);
            fallout.cancelOpen(context, order, now);
            long compensated = plan.items().stream().filter(i -> i.status() == FulfillmentItemStatus.COMPENSATED).count();
            journal.audit(context, order, "ORDER_CANCELLED", now, "compensatedItems", compensated);
            journal.event(context, order, "order.cancelled.v1", causationId, now, "compensatedItems", compensated);
        }
    }

    /** Sends a failed item, or its failed compensation, to its system again as a new attempt. */
    public void retry(CommandContext context, CustomerOrder order, FulfillmentItem item, String causationId, Instant now) {
        send(context, order, item, item.retry(context.tenantId(), order.orderNumber(), now), "FULFILLMENT_ITEM_RETRIED",
                "order.fulfillment-item.retried.v1", causationId, now);
    }

    private void send(CommandContext context, CustomerOrder order, FulfillmentItem item, FulfillmentDispatch dispatch,
                      String action, String eventType, String causationId, Instant now) {
        journal.audit(context, order, action, now, "itemId", item.id(), "itemType", item.itemType(),
                "responsibleSystem", item.responsibleSystem(), "work", dispatch.action(),
                "externalRequestId", dispatch.externalRequestId());
        journal.dispatch(context, order, dispatch, causationId, now);
        journal.event(context, order, eventType, causationId, now, "fulfillmentItemId", item.id(), "itemType", item.itemType(),
                "responsibleSystem", item.responsibleSystem(), "work", dispatch.action(),
                "externalRequestId", dispatch.externalRequestId());
    }
}
