package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.FulfillmentPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Moves an order's fulfillment forward after any change to its plan: dispatches the items whose
 * dependencies are complete, updates the lines' fulfillment summaries and completes the order when
 * every item has. Called inside the command's transaction, with the order locked.
 */
@ApplicationScoped
public class OrderProgress {

    @Inject
    private OrderJournal journal;

    public void advance(CommandContext context, CustomerOrder order, FulfillmentPlan plan, String causationId, Instant now) {
        if (order.status() == OrderStatus.IN_PROGRESS) {
            for (FulfillmentItem item : plan.ready()) {
                FulfillmentDispatch dispatch = item.dispatch(context.tenantId(), order.orderNumber(), now);
                journal.audit(context, order, "FULFILLMENT_ITEM_DISPATCHED", now, "itemId", item.id(),
                        "itemType", item.itemType(), "responsibleSystem", item.responsibleSystem(),
                        "externalRequestId", dispatch.externalRequestId());
                journal.dispatch(context, order, dispatch, causationId, now);
                journal.event(context, order, "order.fulfillment-item.started.v1", causationId, now,
                        "fulfillmentItemId", item.id(), "itemType", item.itemType(),
                        "responsibleSystem", item.responsibleSystem(), "externalRequestId", dispatch.externalRequestId());
            }
        }
        order.summariseFulfillment(plan.lineSummaries(), now);
        if (order.status() == OrderStatus.IN_PROGRESS && plan.allCompleted()) {
            order.moveTo(OrderStatus.COMPLETED, now);
            journal.audit(context, order, "ORDER_COMPLETED", now, "fulfillmentItems", plan.items().size());
            journal.event(context, order, "order.completed.v1", causationId, now,
                    "fulfillmentItems", plan.items().size(), "completedAt", now.toString());
        }
    }
}
