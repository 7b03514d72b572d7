package io.cpqoms.quote.api;

/**
 * Where an approval request of one revision stands: waiting for the decision of its next level,
 * approved by every level it needed (or kept from an earlier approval, or needing none), rejected by
 * one level, or withdrawn because its revision was superseded or the quote cancelled or expired.
 */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED, WITHDRAWN
}
