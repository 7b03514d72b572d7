package io.cpqoms.quote.api;

/**
 * The approver's queue (seed 002 §23, Approval Queue View): the approval requests of the caller's
 * tenant with {@code status} (PENDING: the only status a queue holds) that wait for a level one of the
 * caller's roles decides, never the caller's own requests; oldest request first. {@code after} is the
 * {@code next} cursor of the previous page.
 */
public record ApprovalQueueQuery(ApprovalStatus status, int limit, String after) {
}
