package io.cpqoms.quote.api;

/** What an approver decides on a pending approval request. */
public enum ApprovalDecision {
    APPROVE, REJECT
}
