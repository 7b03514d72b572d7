package io.cpqoms.quote.api;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A quote to start: for a customer and account, sold through a channel, pinned to a published catalog
 * version (the latest published one when none is named), valid until a date (30 days when none).
 */
public record NewQuote(String customerId, String accountId, String channel, UUID catalogVersionId, LocalDate validUntil) {
}
