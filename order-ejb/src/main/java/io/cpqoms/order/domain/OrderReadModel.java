package io.cpqoms.order.domain;

import io.cpqoms.order.api.BillingTriggerView;
import io.cpqoms.order.api.CustomerOrderView;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.FulfillmentItemView;
import io.cpqoms.order.api.OrderEventLogEntry;
import io.cpqoms.order.api.OrderQuery;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.api.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The order context's reads, separate from the command-side load: each reads only what its view
 * shows (an order's items without its cases, a page of orders without their lines' items), without
 * locks. Every read of one order is 404 for another tenant's order.
 */
public interface OrderReadModel {

    /** The header and lines, without items or cases: for views and the timeline. */
    CustomerOrder order(String tenantId, UUID orderId);

    OrderView view(String tenantId, UUID orderId);

    CustomerOrderView customerView(String tenantId, UUID orderId);

    /** The milestones the order reached, in the order reached. */
    List<io.cpqoms.order.api.MilestoneView> milestones(String tenantId, UUID orderId);

    /** Newest first, keyset-paged on (created_at, order_id); one row more than the limit tells that more follow. */
    List<CustomerOrder> list(String tenantId, OrderQuery query, Instant afterCreated, UUID afterId);

    List<FulfillmentItemView> items(String tenantId, UUID orderId);

    List<FalloutCaseView> falloutCases(String tenantId, UUID orderId);

    /** The order's billing triggers, oldest first. */
    List<BillingTriggerView> billingTriggers(String tenantId, UUID orderId);

    /** One fallout case of the tenant, or 404. */
    FalloutCaseView falloutCase(String tenantId, UUID caseId);

    /** Cases of the tenant in the given groups (null: any) and statuses, oldest first after a keyset position. */
    List<FalloutCaseView> falloutWorklist(String tenantId, Set<String> groups, Set<FalloutCaseStatus> statuses,
                                          Instant afterOpened, UUID afterId, int max);

    /** The order's audit entries in the order they were recorded. */
    List<TimelineEntry> auditTrail(String tenantId, UUID orderId);

    /** The order's integration events in the order they were recorded. */
    List<OrderEventLogEntry> events(String tenantId, UUID orderId);
}
