package io.cpqoms.order.api;

import java.util.Map;
import java.util.UUID;

/**
 * The message a fulfillment item is dispatched with (queue CpqFulfillmentItem): enough for a worker to
 * call the responsible system and report back, and nothing of the order's internals. The external
 * request id is derived from order, item and attempt group, so a repeated call is recognisable. A
 * status query asks the system what became of that request (its outcome is unknown) and sends nothing.
 */
public record FulfillmentDispatch(String tenantId,
                                  UUID orderId,
                                  String orderNumber,
                                  UUID itemId,
                                  String itemType,
                                  String responsibleSystem,
                                  String action,
                                  String externalRequestId,
                                  int attemptGroup,
                                  Map<String, String> input,
                                  boolean statusQuery) {

    public static String externalRequestId(UUID orderId, UUID itemId, int attemptGroup) {
        return orderId + ":" + itemId + ":" + attemptGroup;
    }
}
