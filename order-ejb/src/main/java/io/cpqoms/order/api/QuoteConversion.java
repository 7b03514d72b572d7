package io.cpqoms.order.api;

import java.util.UUID;

/** Convert an accepted quote into an order: which quote, which accepted revision, which acceptance. */
public record QuoteConversion(UUID quoteId, Integer revision, UUID acceptanceId) {
}
