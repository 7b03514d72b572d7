package io.cpqoms.quote.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One decision of an approval chain: the level and role that decided, who, what, why, when, and the
 * revision and price snapshot it was bound to.
 */
public record ApprovalStep(int level,
                           String role,
                           ApprovalDecision decision,
                           String decidedBy,
                           String comment,
                           Instant decidedAt,
                           int revision,
                           UUID priceSnapshotId) {
}
