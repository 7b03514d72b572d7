package io.cpqoms.order.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

/** What the order context answers; an order of another tenant does not exist. */
@Local
public interface OrderQueries {

    OrderView order(CommandContext context, UUID orderId);

    CustomerOrderView customerView(CommandContext context, UUID orderId);

    KeysetPage<OrderSummary> orders(CommandContext context, OrderQuery query);

    /** The same list as the customer is told about it: customer-facing statuses only. */
    KeysetPage<CustomerOrderSummary> customerOrders(CommandContext context, OrderQuery query);

    List<FulfillmentItemView> fulfillmentItems(CommandContext context, UUID orderId);

    List<TimelineEntry> timeline(CommandContext context, UUID orderId);

    /** The milestones the order reached (seed 000, section 31), each once, in the order reached. */
    List<MilestoneView> milestones(CommandContext context, UUID orderId);

    /** The order's integration events in the order they were written, with when each was published. */
    List<OrderEventLogEntry> events(CommandContext context, UUID orderId);

    /** The order's fallout cases, open and closed, oldest first. */
    List<FalloutCaseView> falloutCases(CommandContext context, UUID orderId);

    /** The order's billing triggers (seed 002 section 17) with billing's answers, oldest first. */
    List<BillingTriggerView> billingTriggers(CommandContext context, UUID orderId);

    /** One fallout case, with the actions it takes now. */
    FalloutCaseView falloutCase(CommandContext context, UUID caseId);

    /** The tenant's fallout worklist across orders. */
    KeysetPage<FalloutCaseView> falloutWorklist(CommandContext context, FalloutCaseQuery query);
}
