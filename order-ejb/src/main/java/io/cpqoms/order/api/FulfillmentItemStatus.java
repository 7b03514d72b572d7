package io.cpqoms.order.api;

/**
 * The lifecycle of one fulfillment item (seed 000, section 15). PENDING waits for its dependencies;
 * IN_PROGRESS has been dispatched to its responsible system; WAITING_EXTERNAL and
 * WAITING_UNKNOWN_OUTCOME wait on that system (the latter after a timeout, section 28). When its order
 * is cancelled, an item not started is CANCELLED and a completed one is COMPENSATING until its system
 * reverses the work (COMPENSATED) or refuses to (COMPENSATION_FAILED, a fallout case). A FAILED item
 * goes again (IN_PROGRESS) when retried, is WAIVED when operations skip it with a reason (the order
 * may complete without it, seed 002 section 12.3), and only a break-glass completion moves it to COMPLETED.
 */
public enum FulfillmentItemStatus {
    PENDING, READY, BLOCKED, IN_PROGRESS, WAITING_EXTERNAL, WAITING_UNKNOWN_OUTCOME, COMPLETED, WAIVED, FAILED, CANCELLED,
    COMPENSATING, COMPENSATED, COMPENSATION_FAILED
}
