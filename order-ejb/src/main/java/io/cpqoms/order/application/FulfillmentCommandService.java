package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.ForcedCompletion;
import io.cpqoms.order.api.FulfillmentCommands;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.FulfillmentItemView;
import io.cpqoms.order.api.ItemCompletion;
import io.cpqoms.order.api.ItemFailure;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FalloutCase;
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
 * last one completes the order exactly once. A failure opens a fallout case; a break-glass user may
 * complete an item without its system's report.
 */
@Stateless
public class FulfillmentCommandService implements FulfillmentCommands {

    public static final String INVALID_ITEM_REPORT = "INVALID_ITEM_REPORT";
    public static final String INVALID_FORCED_COMPLETION = "INVALID_FORCED_COMPLETION";
    public static final String ORDER_NOT_IN_FULFILLMENT = "ORDER_NOT_IN_FULFILLMENT";

    @Inject
    private FalloutCases fallout;

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
        String causation = item.externalRequestId();
        if (item.status() == FulfillmentItemStatus.COMPENSATED) {
            journal.audit(context, order, "FULFILLMENT_ITEM_COMPENSATED", now, "itemId", item.id(), "itemType", item.itemType(),
                    "responsibleSystem", item.responsibleSystem(), "externalRequestId", item.externalRequestId(),
                    "compensationReference", completion.externalReference());
            journal.event(context, order, "order.compensation-completed.v1", causation, now, "fulfillmentItemId", item.id(),
                    "itemType", item.itemType(), "compensationReference", completion.externalReference());
        } else {
            journal.audit(context, order, "FULFILLMENT_ITEM_COMPLETED", now, "itemId", item.id(), "itemType", item.itemType(),
                    "responsibleSystem", item.responsibleSystem(), "externalRequestId", item.externalRequestId(),
                    "externalReference", item.externalReference());
            journal.event(context, order, "order.fulfillment-item.completed.v1", causation, now, "fulfillmentItemId", item.id(),
                    "itemType", item.itemType(), "externalReference", item.externalReference());
        }
        progress.advance(context, order, plan, causation, now);
        return item.view();
    }

    @Override
    public FulfillmentItemView forceCompleteItem(CommandContext context, UUID orderId, UUID itemId, ForcedCompletion completion) {
        if (completion == null || completion.reason() == null || completion.reason().isBlank()) {
            throw DomainException.invalidInput(INVALID_FORCED_COMPLETION, "A forced completion states its reason.");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentPlan plan = new FulfillmentPlan(orders.items(orderId));
        FulfillmentItem item = item(plan, itemId);
        if (order.status() != OrderStatus.IN_PROGRESS && order.status() != OrderStatus.FALLOUT) {
            throw DomainException.conflict(ORDER_NOT_IN_FULFILLMENT, "Order " + order.orderNumber() + " is " + order.status()
                    + "; items are completed by force only while the order is in fulfillment.");
        }
        Instant now = Instant.now();
        FulfillmentItemStatus before = item.status();
        String reason = completion.reason().strip();
        item.forceComplete(context.actor(), reason, completion.externalReference(), now);
        order.touch(now);
        String causation = "force-completion:" + item.id();
        journal.audit(context, order, "FULFILLMENT_ITEM_FORCE_COMPLETED", now, "itemId", item.id(), "itemType", item.itemType(),
                "responsibleSystem", item.responsibleSystem(), "previousStatus", before,
                "externalReference", item.externalReference(), "reason", reason);
        journal.audit(context, order, "BREAK_GLASS_USED", now, "breakGlassAction", "FORCE_COMPLETE_ITEM", "itemId", item.id(),
                "itemType", item.itemType(), "reason", reason);
        journal.event(context, order, "order.fulfillment-item.completed.v1", causation, now, "fulfillmentItemId", item.id(),
                "itemType", item.itemType(), "externalReference", item.externalReference(), "forced", true);
        fallout.resolveForItem(context, order, item.id(), FalloutCase.FORCE_COMPLETED, reason, causation, now);
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
        boolean compensation = item.status() == FulfillmentItemStatus.COMPENSATING;
        if (!item.fail(failure.externalRequestId(), failure.code(), failure.message(), now)) {
            return item.view();
        }
        order.touch(now);
        journal.audit(context, order, compensation ? "FULFILLMENT_ITEM_COMPENSATION_FAILED" : "FULFILLMENT_ITEM_FAILED", now,
                "itemId", item.id(), "itemType", item.itemType(), "responsibleSystem", item.responsibleSystem(),
                "externalRequestId", item.externalRequestId(), "failureCode", failure.code(),
                "failureMessage", failure.message());
        String causation = item.externalRequestId();
        journal.event(context, order, compensation ? "order.compensation-failed.v1" : "order.fulfillment-item.failed.v1",
                causation, now, "fulfillmentItemId", item.id(), "itemType", item.itemType(), "failureCode", failure.code());
        if (order.status() == OrderStatus.IN_PROGRESS) {
            order.moveTo(OrderStatus.FALLOUT, now);
            journal.audit(context, order, "ORDER_FALLOUT", now, "itemId", item.id(), "failureCode", failure.code());
        }
        if (compensation || order.status() == OrderStatus.FALLOUT) {
            fallout.openForItem(context, order, item, compensation, causation, now);
        }
        progress.advance(context, order, plan, causation, now);
        return item.view();
    }

    private static FulfillmentItem item(FulfillmentPlan plan, UUID itemId) {
        return plan.item(itemId).orElseThrow(() -> DomainException.notFound(Orders.FULFILLMENT_ITEM_NOT_FOUND,
                        "Fulfillment item " + itemId + " does not exist on this order."));
    }
}
