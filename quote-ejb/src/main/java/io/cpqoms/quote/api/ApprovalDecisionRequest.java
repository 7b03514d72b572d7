package io.cpqoms.quote.api;

import io.cpqoms.kernel.Limits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An approver's decision on the quote's pending approval request, at the level the request waits for:
 * APPROVE or REJECT, with a comment (required for a rejection: the reason). The decision is bound to
 * the revision and price snapshot the request was made for; naming them (optional) makes the decision
 * fail with 409 when the quote has moved on since the approver looked at it.
 */
public record ApprovalDecisionRequest(@NotNull ApprovalDecision decision,
                                      @Size(max = Limits.TEXT) String comment,
                                      @Positive Integer revision,
                                      UUID priceSnapshotId) {
}
