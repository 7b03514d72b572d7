package io.cpqoms.order.api;

import java.util.Map;

/**
 * A worker's report that its responsible system carried out an item: the external request id it sent
 * (which names the attempt), the system's reference for the work, and the result in domain terms.
 */
public record ItemCompletion(String externalRequestId, String externalReference, Map<String, String> result) {
}
