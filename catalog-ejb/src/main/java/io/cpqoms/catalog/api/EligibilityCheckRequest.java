package io.cpqoms.catalog.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.cpqoms.kernel.Limits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The body of an eligibility check (seed 002, section 7.1). One offering may be named as
 * {@code productOfferingId}, several as {@code productOfferingIds} (both may be given; each offering is
 * answered once). {@code requestedAt} is an ISO-8601 instant with an offset (default now);
 * {@code customerSegment} overrides the segment of the account standing; {@code catalogVersionId}
 * names a published version (default the latest published one).
 */
public record EligibilityCheckRequest(@Size(max = Limits.PARTY_ID) String customerId,
                                      @Size(max = Limits.PARTY_ID) String accountId,
                                      @NotBlank @Size(max = 40) @Pattern(regexp = Limits.CODE_PATTERN) String channel,
                                      @Size(max = 100) String locationId,
                                      @Size(max = 100) List<String> productOfferingIds,
                                      @Size(max = Limits.CATALOG_ID) String productOfferingId,
                                      Instant requestedAt,
                                      @Size(max = 100) @Pattern(regexp = Limits.CODE_PATTERN) String customerSegment,
                                      UUID catalogVersionId) {

    /** The catalog's question: the single offering first, then the list. */
    public EligibilityRequest toRequest() {
        List<String> ids = new ArrayList<>();
        if (productOfferingId != null) {
            ids.add(productOfferingId);
        }
        if (productOfferingIds != null) {
            ids.addAll(productOfferingIds);
        }
        return new EligibilityRequest(customerId, accountId, channel, locationId, ids, requestedAt, customerSegment,
                catalogVersionId);
    }
}
