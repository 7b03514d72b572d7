package io.cpqoms.order.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a fallout case (seed 000, section 16). RESOLVED and CANCELLED (the order was cancelled)
 * close a case; every other state is open.
 */
public enum FalloutCaseStatus {
    OPEN, ASSIGNED, IN_REVIEW, WAITING_CUSTOMER, WAITING_EXTERNAL, RESOLVED, CANCELLED, ESCALATED;

    private static final Set<FalloutCaseStatus> CLOSING = EnumSet.of(RESOLVED, CANCELLED);

    public boolean isOpen() {
        return !CLOSING.contains(this);
    }

    /** The closing states, for queries. */
    public static Set<FalloutCaseStatus> closed() {
        return EnumSet.copyOf(CLOSING);
    }
}
