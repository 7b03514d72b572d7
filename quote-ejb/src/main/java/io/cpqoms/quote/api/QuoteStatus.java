package io.cpqoms.quote.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The quote lifecycle as an explicit state machine. A draft is edited and priced; a priced quote is
 * accepted (or edited again, which takes it back to draft); an accepted quote is evidence and never
 * changes. Submission, approval, rejection, revision and expiry extend this table.
 */
public enum QuoteStatus {
    DRAFT, PRICED, ACCEPTED;

    private static final Map<QuoteStatus, Set<QuoteStatus>> NEXT = Map.of(
            DRAFT, EnumSet.of(DRAFT, PRICED),
            PRICED, EnumSet.of(DRAFT, PRICED, ACCEPTED),
            ACCEPTED, EnumSet.noneOf(QuoteStatus.class));

    public boolean canMoveTo(QuoteStatus target) {
        return NEXT.get(this).contains(target);
    }
}
