package io.cpqoms.fulfillment.adapter;

import java.util.Map;

/**
 * What an adapter is asked to do: one item's work for its responsible system, under an external
 * request id (the system's idempotency key: the same attempt always carries the same id) and a
 * correlation id.
 */
public record AdapterRequest(String system, String externalRequestId, String correlationId, String orderNumber,
                             String itemType, String action, Map<String, String> input) {
}
