package io.cpqoms.fulfillment.adapter;

/**
 * One responsible system seen from fulfillment. Implementations must be safe to call again with the
 * same external request id (the system deduplicates on it, or the adapter looks the request up
 * first), because a redelivered item is called again. A technical failure (timeout, 5xx) is thrown;
 * a business answer is returned.
 */
public interface FulfillmentAdapter {

    String system();

    AdapterOutcome execute(AdapterRequest request);
}
