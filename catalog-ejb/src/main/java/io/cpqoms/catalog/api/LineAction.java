package io.cpqoms.catalog.api;

/**
 * What an order line does to the customer's product (seed 000, section 7). Fulfillment metadata is
 * declared per product specification and action, so the same product decomposes differently when it
 * is added, modified or removed.
 */
public enum LineAction { ADD, MODIFY, DELETE, NO_CHANGE, SUSPEND, RESUME }
