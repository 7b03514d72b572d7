package io.cpqoms.quote.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Acceptance evidence: which revision, with which price snapshot, accepted by whom at the customer,
 * recorded by which user, when, and the approval it relied on (null when the revision needed none).
 * Its id is what an order is captured against.
 */
public record Acceptance(UUID acceptanceId,
                         int revision,
                         UUID priceSnapshotId,
                         String customerContact,
                         String evidenceReference,
                         String recordedBy,
                         Instant acceptedAt,
                         UUID approvalId) {
}
