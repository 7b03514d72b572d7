package io.cpqoms.catalog.api;

import java.time.Instant;
import java.util.List;

/**
 * The commercial unit that is sold: it points at a product specification, has a lifecycle, a validity
 * window, the channels and customer segments it is offered to, its prices and its relationships to
 * other offerings. A bundle offering holds its children as BUNDLE_CHILD relationships.
 */
public record ProductOffering(String id,
                              String name,
                              String description,
                              String productSpecificationId,
                              OfferingLifecycle lifecycleStatus,
                              Instant validFrom,
                              Instant validTo,
                              boolean bundle,
                              List<String> channels,
                              List<String> customerSegments,
                              List<ProductOfferingPrice> prices,
                              List<ProductOfferingRelationship> relationships) {

    public ProductOffering {
        channels = channels == null ? List.of() : List.copyOf(channels);
        customerSegments = customerSegments == null ? List.of() : List.copyOf(customerSegments);
        prices = prices == null ? List.of() : List.copyOf(prices);
        relationships = relationships == null ? List.of() : List.copyOf(relationships);
    }

    /** Sellable means ACTIVE and inside the validity window at that instant (from inclusive, to exclusive). */
    public boolean isSellableAt(Instant at) {
        return lifecycleStatus == OfferingLifecycle.ACTIVE
                && (validFrom == null || !at.isBefore(validFrom))
                && (validTo == null || at.isBefore(validTo));
    }

    public boolean offeredIn(String channel) {
        return channels.contains(channel);
    }

    public boolean offeredTo(String customerSegment) {
        return customerSegments.contains(customerSegment);
    }
}
