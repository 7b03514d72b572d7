package io.cpqoms.order.api;

/** How a validation finding affects the order (seed 000, section 10). */
public enum Severity {
    /** The order may not proceed. */
    BLOCKER,
    /** The order proceeds with risk or monitoring. */
    WARNING,
    /** The order needs a manual review. */
    MANUAL_REVIEW,
    /** The order waits for an external system. */
    EXTERNAL_PENDING
}
