package io.cpqoms.order.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of one fulfillment item (seed 000, section 15). PENDING waits for its dependencies;
 * IN_PROGRESS has been dispatched to its responsible system; WAITING_EXTERNAL and
 * WAITING_UNKNOWN_OUTCOME wait on that system (the latter after a timeout, section 28). When its order
 * is cancelled, an item not started is CANCELLED and a completed one is COMPENSATING until its system
 * reverses the work (COMPENSATED) or refuses to (COMPENSATION_FAILED, a fallout case). A FAILED item
 * goes again (IN_PROGRESS) when retried, and only a break-glass completion moves it to COMPLETED.
 */
public enum FulfillmentItemStatus {
    PENDING, READY, BLOCKED, IN_PROGRESS, WAITING_EXTERNAL, WAITING_UNKNOWN_OUTCOME, COMPLETED, FAILED, CANCELLED,
    COMPENSATING, COMPENSATED, COMPENSATION_FAILED;

    private static final Map<FulfillmentItemStatus, Set<FulfillmentItemStatus>> NEXT = Map.ofEntries(
            Map.entry(PENDING, EnumSet.of(READY, IN_PROGRESS, BLOCKED, CANCELLED)),
            Map.entry(READY, EnumSet.of(IN_PROGRESS, BLOCKED, CANCELLED)),
            Map.entry(BLOCKED, EnumSet.of(READY, IN_PROGRESS, CANCELLED)),
            Map.entry(IN_PROGRESS, EnumSet.of(WAITING_EXTERNAL, WAITING_UNKNOWN_OUTCOME, COMPLETED, FAILED)),
            Map.entry(WAITING_EXTERNAL, EnumSet.of(COMPLETED, FAILED, WAITING_UNKNOWN_OUTCOME)),
            Map.entry(WAITING_UNKNOWN_OUTCOME, EnumSet.of(COMPLETED, FAILED, IN_PROGRESS)),
            Map.entry(COMPLETED, EnumSet.of(COMPENSATING)),
            Map.entry(FAILED, EnumSet.of(IN_PROGRESS, COMPLETED, CANCELLED)),
            Map.entry(CANCELLED, EnumSet.noneOf(FulfillmentItemStatus.class)),
            Map.entry(COMPENSATING, EnumSet.of(COMPENSATED, COMPENSATION_FAILED)),
            Map.entry(COMPENSATED, EnumSet.noneOf(FulfillmentItemStatus.class)),
            Map.entry(COMPENSATION_FAILED, EnumSet.of(COMPENSATING)));

    public boolean canMoveTo(FulfillmentItemStatus target) {
        return NEXT.get(this).contains(target);
    }
}
