package io.cpqoms.fulfillment.adapter;

import java.util.Map;

/** What an adapter is asked to do: one item's work, under an external request id and a correlation id. */
public record AdapterRequest(String externalRequestId, String correlationId, String orderNumber, String itemType,
                             String action, Map<String, String> input) {
}
