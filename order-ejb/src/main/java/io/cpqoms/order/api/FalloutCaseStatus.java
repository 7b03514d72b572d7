package io.cpqoms.order.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a fallout case (seed 000, section 16) as an explicit state machine. RESOLVED and
 * CANCELLED (the order was cancelled) close a case; every other state is open.
 */
public enum FalloutCaseStatus {
    OPEN, ASSIGNED, IN_REVIEW, WAITING_CUSTOMER, WAITING_EXTERNAL, RESOLVED, CANCELLED, ESCALATED;

    private static final Set<FalloutCaseStatus> CLOSING = EnumSet.of(RESOLVED, CANCELLED);
    private static final Map<FalloutCaseStatus, Set<FalloutCaseStatus>> NEXT = Map.of(
            OPEN, EnumSet.of(ASSIGNED, IN_REVIEW, ESCALATED, RESOLVED, CANCELLED),
            ASSIGNED, EnumSet.of(ASSIGNED, IN_REVIEW, WAITING_CUSTOMER, WAITING_EXTERNAL, ESCALATED, RESOLVED, CANCELLED),
            IN_REVIEW, EnumSet.of(ASSIGNED, WAITING_CUSTOMER, WAITING_EXTERNAL, ESCALATED, RESOLVED, CANCELLED),
            WAITING_CUSTOMER, EnumSet.of(ASSIGNED, IN_REVIEW, ESCALATED, RESOLVED, CANCELLED),
            WAITING_EXTERNAL, EnumSet.of(ASSIGNED, IN_REVIEW, ESCALATED, RESOLVED, CANCELLED),
            ESCALATED, EnumSet.of(ASSIGNED, IN_REVIEW, RESOLVED, CANCELLED),
            RESOLVED, EnumSet.noneOf(FalloutCaseStatus.class),
            CANCELLED, EnumSet.noneOf(FalloutCaseStatus.class));

    public boolean canMoveTo(FalloutCaseStatus target) {
        return NEXT.get(this).contains(target);
    }

    public boolean isOpen() {
        return !CLOSING.contains(this);
    }

    /** The closing states, for queries. */
    public static Set<FalloutCaseStatus> closed() {
        return EnumSet.copyOf(CLOSING);
    }
}
