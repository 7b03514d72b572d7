package io.cpqoms.order.api;

/**
 * A worker's report that its responsible system refused or failed an item, normalised by the adapter
 * into a domain code (for example RESOURCE_UNAVAILABLE) and a message.
 */
public record ItemFailure(String externalRequestId, String code, String message) {
}
