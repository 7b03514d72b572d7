package io.cpqoms.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An offering in a listing: enough to browse and filter, and whether it is sellable right now. */
public record OfferingSummary(String id,
                              String name,
                              String productSpecificationId,
                              OfferingLifecycle lifecycleStatus,
                              boolean sellable,
                              boolean bundle,
                              Instant validFrom,
                              Instant validTo,
                              List<String> channels,
                              List<String> customerSegments,
                              UUID catalogVersionId) {

    public static OfferingSummary of(UUID catalogVersionId, ProductOffering o, Instant now) {
        return new OfferingSummary(o.id(), o.name(), o.productSpecificationId(), o.lifecycleStatus(),
                o.isSellableAt(now), o.bundle(), o.validFrom(), o.validTo(), o.channels(),
                o.customerSegments(), catalogVersionId);
    }
}
