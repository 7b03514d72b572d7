package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.FulfillmentCommands;
import io.cpqoms.order.api.FulfillmentItemView;
import io.cpqoms.order.api.ItemCompletion;
import io.cpqoms.order.api.ItemFailure;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.FulfillmentPlan;
import io.cpqoms.order.infrastructure.Orders;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Item outcomes reported by workers (seed 000, section 25): the order context validates the report
 * against the item's attempt and status, records it, and moves the plan forward. The order is locked
 * for the transaction, so concurrent reports for one order are applied one after the other and the
 * last one completes the order exactly once.
 */
@Stateless
public class FulfillmentCommandService implements FulfillmentCommands {

    public static final String INVALID_ITEM_REPORT = "INVALID_ITEM_REPORT";

    @Inject
    private Orders orders;

    @Inject
    private OrderJournal journal;

    @Inject
    private OrderProgress progress;

    @Override
    public FulfillmentItemView completeItem(CommandContext context, UUID orderId, UUID itemId, ItemCompletion completion) {
        if (completion.externalReference() == null || completion.externalReference().isBlank()) {
            throw DomainException.invalidInput(INVALID_ITEM_REPORT, "A completion carries the external reference of the work done.");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentPlan plan = new FulfillmentPlan(orders.items(orderId));
        FulfillmentItem item = item(plan, itemId);
        Instant now = Instant.now();
        if (!item.complete(completion.externalRequestId(), completion.externalReference(), completion.result(), now)) {
            return item.view();
        }
        order.touch(now);
        journal.audit(context, order, "FULFILLMENT_ITEM_COMPLETED", now, "itemId", item.id(), "itemType", item.itemType(),
                "responsibleSystem", item.responsibleSystem(), "externalRequestId", item.externalRequestId(),
                "externalReference", item.externalReference());
        String causation = item.externalRequestId();
        journal.event(context, order, "order.fulfillment-item.completed.v1", causation, now, "fulfillmentItemId", item.id(),
                "itemType", item.itemType(), "externalReference", item.externalReference());
        progress.advance(context, order, plan, causation, now);
        return item.view();
    }

    @Override
    public FulfillmentItemView failItem(CommandContext context, UUID orderId, UUID itemId, ItemFailure failure) {
        if (failure.code() == null || failure.code().isBlank()) {
            throw DomainException.invalidInput(INVALID_ITEM_REPORT, "A failure carries a domain error code.");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentPlan plan = new FulfillmentPlan(orders.items(orderId));
        FulfillmentItem item = item(plan, itemId);
        Instant now = Instant.now();
        if (!item.fail(failure.externalRequestId(), failure.code(), failure.message(), now)) {
            return item.view();
        }
        order.touch(now);
        journal.audit(context, order, "FULFILLMENT_ITEM_FAILED", now, "itemId", item.id(), "itemType", item.itemType(),
                "responsibleSystem", item.responsibleSystem(), "externalRequestId", item.externalRequestId(),
                "failureCode", failure.code(), "failureMessage", failure.message());
        String causation = item.externalRequestId();
        journal.event(context, order, "order.fulfillment-item.failed.v1", causation, now, "fulfillmentItemId", item.id(),
                "itemType", item.itemType(), "failureCode", failure.code());
        if (order.status() == OrderStatus.IN_PROGRESS) {
            order.moveTo(OrderStatus.FALLOUT, now);
            journal.audit(context, order, "ORDER_FALLOUT", now, "itemId", item.id(), "failureCode", failure.code());
            journal.event(context, order, "order.fallout-opened.v1", causation, now, "fulfillmentItemId", item.id(),
                    "failureCode", failure.code());
        }
        progress.advance(context, order, plan, causation, now);
        return item.view();
    }

    private static FulfillmentItem item(FulfillmentPlan plan, UUID itemId) {
        return plan.items().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> DomainException.notFound(Orders.FULFILLMENT_ITEM_NOT_FOUND,
                        "Fulfillment item " + itemId + " does not exist on this order."));
    }
}
