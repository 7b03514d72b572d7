package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.PriceSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A quote at its latest revision with its line tree (flat, parents first), its stored price snapshot,
 * the approval request of this revision (null before submission) and its acceptance.
 */
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
                        ApprovalView approval,
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
                items, priceSnapshot == null ? null : priceSnapshot.withoutCosts(), acceptance,
                approval == null ? null : approval.withoutCosts(), entityVersion, createdBy,
                createdAt, updatedAt);
    }
}
