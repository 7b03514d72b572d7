package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.PriceSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A quote with its line tree (flat, parents first), its stored price snapshot and its acceptance. */
public record QuoteView(UUID id,
                        String quoteNumber,
                        int revision,
                        QuoteStatus status,
                        String customerId,
                        String accountId,
                        String channel,
                        UUID catalogVersionId,
                        LocalDate validUntil,
                        List<QuoteItemView> items,
                        PriceSnapshot priceSnapshot,
                        Acceptance acceptance,
                        long entityVersion,
                        String createdBy,
                        Instant createdAt,
                        Instant updatedAt) {

    public QuoteView {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** This quote with the price snapshot's costs and margins left out (a customer-facing reader's view). */
    public QuoteView withoutCosts() {
        return new QuoteView(id, quoteNumber, revision, status, customerId, accountId, channel, catalogVersionId, validUntil,
                items, priceSnapshot == null ? null : priceSnapshot.withoutCosts(), acceptance, entityVersion, createdBy,
                createdAt, updatedAt);
    }
}
