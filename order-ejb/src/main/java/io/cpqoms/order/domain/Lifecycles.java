package io.cpqoms.order.domain;

import io.cpqoms.order.api.BillingTriggerStatus;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.OrderStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The state machines of the order aggregate (seed 000, sections 15-16): which status may follow which,
 * for the order, its fulfillment items, its fallout cases and its billing triggers (seed 002 section 17). The API publishes the statuses; only the
 * aggregate moves them, along these tables.
 */
public final class Lifecycles {

    private static final Map<OrderStatus, Set<OrderStatus>> ORDER = Map.of(
            OrderStatus.CAPTURED, EnumSet.of(OrderStatus.VALIDATING, OrderStatus.VALIDATED, OrderStatus.HELD,
                    OrderStatus.CANCELLING, OrderStatus.CANCELLED),
            OrderStatus.VALIDATING, EnumSet.of(OrderStatus.VALIDATED, OrderStatus.HELD),
            OrderStatus.VALIDATED, EnumSet.of(OrderStatus.IN_PROGRESS, OrderStatus.FALLOUT, OrderStatus.CANCELLING,
                    OrderStatus.CANCELLED, OrderStatus.COMPLETED),
            OrderStatus.HELD, EnumSet.of(OrderStatus.VALIDATED, OrderStatus.CANCELLING, OrderStatus.CANCELLED,
                    OrderStatus.FAILED),
            OrderStatus.IN_PROGRESS, EnumSet.of(OrderStatus.COMPLETED, OrderStatus.FALLOUT, OrderStatus.CANCELLING),
            OrderStatus.FALLOUT, EnumSet.of(OrderStatus.IN_PROGRESS, OrderStatus.CANCELLING, OrderStatus.FAILED),
            OrderStatus.COMPLETED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.CANCELLING, EnumSet.of(OrderStatus.CANCELLED, OrderStatus.FAILED),
            OrderStatus.CANCELLED, EnumSet.noneOf(OrderStatus.class),
            OrderStatus.FAILED, EnumSet.noneOf(OrderStatus.class));

    private static final Map<FulfillmentItemStatus, Set<FulfillmentItemStatus>> ITEM = Map.ofEntries(
            Map.entry(FulfillmentItemStatus.PENDING, EnumSet.of(FulfillmentItemStatus.READY, FulfillmentItemStatus.IN_PROGRESS,
                    FulfillmentItemStatus.BLOCKED, FulfillmentItemStatus.CANCELLED)),
            Map.entry(FulfillmentItemStatus.READY, EnumSet.of(FulfillmentItemStatus.IN_PROGRESS, FulfillmentItemStatus.BLOCKED,
                    FulfillmentItemStatus.CANCELLED)),
            Map.entry(FulfillmentItemStatus.BLOCKED, EnumSet.of(FulfillmentItemStatus.READY, FulfillmentItemStatus.IN_PROGRESS,
                    FulfillmentItemStatus.CANCELLED)),
            Map.entry(FulfillmentItemStatus.IN_PROGRESS, EnumSet.of(FulfillmentItemStatus.WAITING_EXTERNAL,
                    FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME, FulfillmentItemStatus.COMPLETED, FulfillmentItemStatus.FAILED)),
            Map.entry(FulfillmentItemStatus.WAITING_EXTERNAL, EnumSet.of(FulfillmentItemStatus.COMPLETED,
                    FulfillmentItemStatus.FAILED, FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME)),
            Map.entry(FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME, EnumSet.of(FulfillmentItemStatus.COMPLETED,
                    FulfillmentItemStatus.FAILED, FulfillmentItemStatus.IN_PROGRESS)),
            Map.entry(FulfillmentItemStatus.COMPLETED, EnumSet.of(FulfillmentItemStatus.COMPENSATING)),
            Map.entry(FulfillmentItemStatus.FAILED, EnumSet.of(FulfillmentItemStatus.IN_PROGRESS,
                    FulfillmentItemStatus.COMPLETED, FulfillmentItemStatus.WAIVED, FulfillmentItemStatus.CANCELLED)),
            Map.entry(FulfillmentItemStatus.WAIVED, EnumSet.noneOf(FulfillmentItemStatus.class)),
            Map.entry(FulfillmentItemStatus.CANCELLED, EnumSet.noneOf(FulfillmentItemStatus.class)),
            Map.entry(FulfillmentItemStatus.COMPENSATING, EnumSet.of(FulfillmentItemStatus.COMPENSATED,
                    FulfillmentItemStatus.COMPENSATION_FAILED)),
            Map.entry(FulfillmentItemStatus.COMPENSATED, EnumSet.noneOf(FulfillmentItemStatus.class)),
            Map.entry(FulfillmentItemStatus.COMPENSATION_FAILED, EnumSet.of(FulfillmentItemStatus.COMPENSATING)));

    private static final Map<FalloutCaseStatus, Set<FalloutCaseStatus>> FALLOUT_CASE = Map.of(
            FalloutCaseStatus.OPEN, EnumSet.of(FalloutCaseStatus.ASSIGNED, FalloutCaseStatus.IN_REVIEW,
                    FalloutCaseStatus.WAITING_CUSTOMER, FalloutCaseStatus.ESCALATED, FalloutCaseStatus.RESOLVED,
                    FalloutCaseStatus.CANCELLED),
            FalloutCaseStatus.ASSIGNED, EnumSet.of(FalloutCaseStatus.ASSIGNED, FalloutCaseStatus.IN_REVIEW,
                    FalloutCaseStatus.WAITING_CUSTOMER, FalloutCaseStatus.WAITING_EXTERNAL, FalloutCaseStatus.ESCALATED,
                    FalloutCaseStatus.RESOLVED, FalloutCaseStatus.CANCELLED),
            FalloutCaseStatus.IN_REVIEW, EnumSet.of(FalloutCaseStatus.ASSIGNED, FalloutCaseStatus.WAITING_CUSTOMER,
                    FalloutCaseStatus.WAITING_EXTERNAL, FalloutCaseStatus.ESCALATED, FalloutCaseStatus.RESOLVED,
                    FalloutCaseStatus.CANCELLED),
            FalloutCaseStatus.WAITING_CUSTOMER, EnumSet.of(FalloutCaseStatus.ASSIGNED, FalloutCaseStatus.IN_REVIEW,
                    FalloutCaseStatus.ESCALATED, FalloutCaseStatus.RESOLVED, FalloutCaseStatus.CANCELLED),
            FalloutCaseStatus.WAITING_EXTERNAL, EnumSet.of(FalloutCaseStatus.ASSIGNED, FalloutCaseStatus.IN_REVIEW,
                    FalloutCaseStatus.ESCALATED, FalloutCaseStatus.RESOLVED, FalloutCaseStatus.CANCELLED),
            FalloutCaseStatus.ESCALATED, EnumSet.of(FalloutCaseStatus.ASSIGNED, FalloutCaseStatus.IN_REVIEW,
                    FalloutCaseStatus.WAITING_CUSTOMER, FalloutCaseStatus.ESCALATED, FalloutCaseStatus.RESOLVED,
                    FalloutCaseStatus.CANCELLED),
            FalloutCaseStatus.RESOLVED, EnumSet.noneOf(FalloutCaseStatus.class),
            FalloutCaseStatus.CANCELLED, EnumSet.noneOf(FalloutCaseStatus.class));

    /** A trigger waits for billing's answer; a rejected one, or an unanswered one, is sent again (PENDING) when its case is worked. */
    private static final Map<BillingTriggerStatus, Set<BillingTriggerStatus>> BILLING_TRIGGER = Map.of(
            BillingTriggerStatus.PENDING, EnumSet.of(BillingTriggerStatus.PENDING, BillingTriggerStatus.ACKNOWLEDGED,
                    BillingTriggerStatus.REJECTED),
            BillingTriggerStatus.REJECTED, EnumSet.of(BillingTriggerStatus.PENDING),
            BillingTriggerStatus.ACKNOWLEDGED, EnumSet.noneOf(BillingTriggerStatus.class));

    private Lifecycles() {
    }

    public static boolean canMove(OrderStatus from, OrderStatus to) {
        return ORDER.get(from).contains(to);
    }

    /** Whether nothing follows: the order's life is over. */
    public static boolean isFinal(OrderStatus status) {
        return ORDER.get(status).isEmpty();
    }

    public static boolean canMove(FulfillmentItemStatus from, FulfillmentItemStatus to) {
        return ITEM.get(from).contains(to);
    }

    public static boolean canMove(FalloutCaseStatus from, FalloutCaseStatus to) {
        return FALLOUT_CASE.get(from).contains(to);
    }

    public static boolean canMove(BillingTriggerStatus from, BillingTriggerStatus to) {
        return BILLING_TRIGGER.get(from).contains(to);
    }
}
