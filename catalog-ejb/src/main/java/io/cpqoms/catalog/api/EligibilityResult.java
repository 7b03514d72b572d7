package io.cpqoms.catalog.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The eligibility answer (seed 002, section 7.2) for each asked offering, with what it was decided on:
 * the catalog version, the instant, the channel, the location, the customer segment and where it came
 * from, and the account standing used (with its freshness) or a note that none is known.
 */
public record EligibilityResult(UUID catalogVersionId,
                                Instant requestedAt,
                                String channel,
                                String locationId,
                                String customerSegment,
                                CustomerSegmentSource customerSegmentSource,
                                EligibilityStanding standing,
                                boolean allEligible,
                                List<OfferingEligibility> offerings) {

    public EligibilityResult {
        offerings = offerings == null ? List.of() : List.copyOf(offerings);
    }

    /** Where the customer segment the decision used came from. */
    public enum CustomerSegmentSource { REQUEST, ACCOUNT_STANDING, UNKNOWN }
}
