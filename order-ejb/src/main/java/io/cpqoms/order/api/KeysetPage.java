package io.cpqoms.order.api;

import java.util.List;

/** One page of a keyset-paged list; {@code next} is the cursor of the following page, null on the last. */
public record KeysetPage<T>(List<T> items, String next) {
}
