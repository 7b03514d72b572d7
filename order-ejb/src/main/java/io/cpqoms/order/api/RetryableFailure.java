package io.cpqoms.order.api;

/**
 * A worker's report that nothing of an item's request reached its system (503, connection refused):
 * the order sends the same request again on a timer, within the item's retry budget.
 */
public record RetryableFailure(String externalRequestId, String reason) {
}
