package io.cpqoms.quote.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The quote lifecycle as an explicit state machine. A draft is edited and priced; a priced quote is
 * edited again (back to draft), submitted for approval (PENDING_APPROVAL, or APPROVED at once when no
 * rule of the approval policy triggers or an earlier approval still covers it) or, when it needs no
 * approval, accepted. A pending request is approved level by level or rejected; an approved quote is
 * accepted. A rejected quote moves on only through a new revision. Every open state can be cancelled,
 * expires at the end of its validity, and is superseded by a new revision (which starts as a draft).
 * ACCEPTED, CANCELLED, EXPIRED and SUPERSEDED are final.
 */
public enum QuoteStatus {
    DRAFT, PRICED, PENDING_APPROVAL, APPROVED, REJECTED, ACCEPTED, CANCELLED, EXPIRED, SUPERSEDED;

    private static final Map<QuoteStatus, Set<QuoteStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(DRAFT, PRICED, CANCELLED, EXPIRED, SUPERSEDED),
            PRICED, EnumSet.of(DRAFT, PRICED, PENDING_APPROVAL, APPROVED, ACCEPTED, CANCELLED, EXPIRED, SUPERSEDED),
            PENDING_APPROVAL, EnumSet.of(PENDING_APPROVAL, APPROVED, REJECTED, CANCELLED, EXPIRED, SUPERSEDED),
            APPROVED, EnumSet.of(ACCEPTED, CANCELLED, EXPIRED, SUPERSEDED),
            REJECTED, EnumSet.of(CANCELLED, EXPIRED, SUPERSEDED),
            ACCEPTED, EnumSet.noneOf(QuoteStatus.class),
            CANCELLED, EnumSet.noneOf(QuoteStatus.class),
            EXPIRED, EnumSet.noneOf(QuoteStatus.class),
            SUPERSEDED, EnumSet.noneOf(QuoteStatus.class));

    public boolean canMoveTo(QuoteStatus target) {
        return NEXT.get(this).contains(target);
    }

    /** Whether the quote can still change: not accepted, cancelled, expired or superseded. */
    public boolean open() {
        return !NEXT.get(this).isEmpty();
    }
}
