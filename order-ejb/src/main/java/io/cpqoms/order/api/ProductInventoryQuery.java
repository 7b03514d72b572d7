package io.cpqoms.order.api;

/** The installed-base list: optionally one customer's products and one status, newest first, keyset-paged. */
public record ProductInventoryQuery(String customerId, ProductStatus status, int limit, String after) {
}
