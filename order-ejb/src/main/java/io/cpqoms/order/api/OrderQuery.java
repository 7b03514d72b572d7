package io.cpqoms.order.api;

import java.time.Instant;
import java.util.Set;

/**
 * A filtered, keyset-paged order list, newest first; {@code statuses} empty means any status,
 * {@code jeopardy} null means in jeopardy or not, {@code after} is the cursor returned with the
 * previous page.
 */
public record OrderQuery(String customerId, Set<OrderStatus> statuses, Jeopardy jeopardy, Instant createdFrom,
                         Instant createdTo, int limit, String after) {

    public OrderQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }
}
