package io.cpqoms.order.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of one fulfillment item (seed 000, section 15). PENDING waits for its dependencies;
 * IN_PROGRESS has been dispatched to its responsible system; WAITING_EXTERNAL and
 * WAITING_UNKNOWN_OUTCOME wait on that system (the latter after a timeout, section 28).
 */
public enum FulfillmentItemStatus {
    PENDING, READY, BLOCKED, IN_PROGRESS, WAITING_EXTERNAL, WAITING_UNKNOWN_OUTCOME, COMPLETED, FAILED, CANCELLED,
    COMPENSATED;

    private static final Map<FulfillmentItemStatus, Set<FulfillmentItemStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(READY, IN_PROGRESS, BLOCKED, CANCELLED),
            READY, EnumSet.of(IN_PROGRESS, BLOCKED, CANCELLED),
            BLOCKED, EnumSet.of(READY, IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(WAITING_EXTERNAL, WAITING_UNKNOWN_OUTCOME, COMPLETED, FAILED),
            WAITING_EXTERNAL, EnumSet.of(COMPLETED, FAILED, WAITING_UNKNOWN_OUTCOME),
            WAITING_UNKNOWN_OUTCOME, EnumSet.of(COMPLETED, FAILED, IN_PROGRESS),
            COMPLETED, EnumSet.of(COMPENSATED),
            FAILED, EnumSet.of(IN_PROGRESS, CANCELLED),
            CANCELLED, EnumSet.noneOf(FulfillmentItemStatus.class),
            COMPENSATED, EnumSet.noneOf(FulfillmentItemStatus.class));

    public boolean canMoveTo(FulfillmentItemStatus target) {
        return NEXT.get(this).contains(target);
    }
}
