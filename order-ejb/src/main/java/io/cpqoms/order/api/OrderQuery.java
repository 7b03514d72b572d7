package io.cpqoms.order.api;

import java.time.Instant;

/**
 * A filtered, keyset-paged order list, newest first; {@code after} is the cursor returned with the
 * previous page.
 */
public record OrderQuery(String customerId, OrderStatus status, Instant createdFrom, Instant createdTo, int limit,
                         String after) {
}
