package io.cpqoms.order.api;

/**
 * A worker's report that an item's request was sent and not answered (a timeout), or that its system
 * could not yet tell what became of it: the order asks the system again on a timer, within a budget.
 */
public record UnknownOutcome(String externalRequestId, String reason) {
}
