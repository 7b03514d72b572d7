package io.cpqoms.quote.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The approval request of one revision: bound to that revision and its price snapshot, evaluated with
 * one version of the tenant's approval policy, listing the rules that triggered (with the price signals
 * as evidence), the level the chain must reach, the level it waits for next (null once decided) and
 * its role, every decision so far, and, when an earlier revision's approval still covers this one
 * (smart re-approval), the id of that approval.
 */
public record ApprovalView(UUID approvalId,
                           UUID quoteId,
                           String quoteNumber,
                           int revision,
                           UUID priceSnapshotId,
                           int policyVersion,
                           ApprovalStatus status,
                           int requiredLevel,
                           Integer nextLevel,
                           String nextRole,
                           List<ApprovalTrigger> triggers,
                           List<ApprovalStep> decisions,
                           UUID carriedOverFrom,
                           String requestedBy,
                           Instant requestedAt,
                           Instant decidedAt) {

    public ApprovalView {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    public ApprovalView withoutCosts() {
        return new ApprovalView(approvalId, quoteId, quoteNumber, revision, priceSnapshotId, policyVersion, status,
                requiredLevel, nextLevel, nextRole, triggers.stream().map(ApprovalTrigger::withoutCosts).toList(), decisions,
                carriedOverFrom, requestedBy, requestedAt, decidedAt);
    }
}
