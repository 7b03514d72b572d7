package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The question eligibility answers (seed 002, section 7.1): may these offerings be offered to this
 * customer and account, through this channel, at this location, at this instant? The customer segment
 * comes from the account standing projection unless the request names one; the catalog version is the
 * latest published one unless named; the instant is now unless named.
 *
 * <p>{@code unknownSegmentAllowed} is for callers that must keep working for accounts the projection
 * does not know yet (quotes): the segment rule is then skipped instead of answered with
 * {@code SEGMENT_UNKNOWN}. The eligibility check API never sets it.
 */
public record EligibilityRequest(String customerId,
                                 String accountId,
                                 String channel,
                                 String locationId,
                                 List<String> productOfferingIds,
                                 Instant requestedAt,
                                 String customerSegment,
                                 UUID catalogVersionId,
                                 boolean unknownSegmentAllowed) {

    @JsonbCreator
    public EligibilityRequest {
        productOfferingIds = productOfferingIds == null ? List.of() : productOfferingIds.stream().toList();
    }

    /** A request of the eligibility check API: an unknown segment is a reason, not a skipped rule. */
    public EligibilityRequest(String customerId, String accountId, String channel, String locationId,
                              List<String> productOfferingIds, Instant requestedAt, String customerSegment,
                              UUID catalogVersionId) {
        this(customerId, accountId, channel, locationId, productOfferingIds, requestedAt, customerSegment,
                catalogVersionId, false);
    }
}
