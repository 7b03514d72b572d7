/**
 * The fulfillment context's contract: it owns the messaging side of the product (fulfillment queues,
 * events topic, dead letters) and, as it grows, the workers and adapters that execute fulfillment items.
 */
package io.cpqoms.fulfillment.api;
