package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FalloutCase;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.infrastructure.Orders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Opens and closes fallout cases inside an order command's transaction, each with its audit entry
 * and integration event (order.fallout-opened.v1, order.fallout-resolved.v1).
 */
@ApplicationScoped
public class FalloutCases {

    @Inject
    private Orders orders;

    @Inject
    private OrderJournal journal;

    public FalloutCase openForItem(CommandContext context, CustomerOrder order, FulfillmentItem item, boolean compensation,
                                   String causationId, Instant now) {
        return opened(context, order, FalloutCase.forItem(context.tenantId(), order.id(), item, compensation, now),
                causationId, now);
    }

    public FalloutCase openForOrder(CommandContext context, CustomerOrder order, String reasonCode, String description,
                                    String causationId, Instant now) {
        return opened(context, order, FalloutCase.forOrder(context.tenantId(), order.id(), reasonCode, description, now),
                causationId, now);
    }

    private FalloutCase opened(CommandContext context, CustomerOrder order, FalloutCase fallout, String causationId,
                               Instant now) {
        orders.add(fallout);
        journal.audit(context, order, "FALLOUT_CASE_OPENED", now, "falloutCaseId", fallout.id(),
                "reasonCode", fallout.reasonCode(), "ownerGroup", fallout.ownerGroup(),
                "fulfillmentItemId", fallout.fulfillmentItemId(), "description", fallout.view().description());
        journal.event(context, order, "order.fallout-opened.v1", causationId, now, "falloutCaseId", fallout.id(),
                "reasonCode", fallout.reasonCode(), "ownerGroup", fallout.ownerGroup(),
                "fulfillmentItemId", fallout.fulfillmentItemId());
        return fallout;
    }

    /** Resolves a case with a resolution code: its cause is dealt with. */
    public void resolve(CommandContext context, CustomerOrder order, FalloutCase fallout, String resolutionCode, String note,
                        String causationId, Instant now) {
        fallout.resolve(context.actor(), resolutionCode, note, now);
        journal.audit(context, order, "FALLOUT_CASE_RESOLVED", now, "falloutCaseId", fallout.id(),
                "resolutionCode", resolutionCode, "note", note);
        journal.event(context, order, "order.fallout-resolved.v1", causationId, now, "falloutCaseId", fallout.id(),
                "resolutionCode", resolutionCode);
    }

    /** Resolves the open case of an item, when it has one (its outcome was settled another way). */
    public void resolveForItem(CommandContext context, CustomerOrder order, UUID itemId, String resolutionCode, String note,
                               String causationId, Instant now) {
        for (FalloutCase fallout : orders.falloutCases(order.id())) {
            if (fallout.isOpen() && itemId.equals(fallout.fulfillmentItemId())) {
                resolve(context, order, fallout, resolutionCode, note, causationId, now);
            }
        }
    }

    /** Closes every open case of a cancelled order. */
    public void cancelOpen(CommandContext context, CustomerOrder order, Instant now) {
        for (FalloutCase fallout : orders.falloutCases(order.id())) {
            if (fallout.isOpen()) {
                fallout.cancel(context.actor(), now);
                journal.audit(context, order, "FALLOUT_CASE_CANCELLED", now, "falloutCaseId", fallout.id(),
                        "resolutionCode", FalloutCase.ORDER_CANCELLED);
            }
        }
    }
}
