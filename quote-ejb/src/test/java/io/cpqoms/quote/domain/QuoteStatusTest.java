package io.cpqoms.quote.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cpqoms.quote.api.QuoteStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quote lifecycle table: every pair of states, allowed or not. */
class QuoteStatusTest {

    /** What each state may move to; every pair not listed is refused. */
    private static final Map<QuoteStatus, Set<QuoteStatus>> ALLOWED = Map.of(
            QuoteStatus.DRAFT, EnumSet.of(QuoteStatus.DRAFT, QuoteStatus.PRICED, QuoteStatus.CANCELLED, QuoteStatus.EXPIRED,
                    QuoteStatus.SUPERSEDED),
            QuoteStatus.PRICED, EnumSet.of(QuoteStatus.DRAFT, QuoteStatus.PRICED, QuoteStatus.PENDING_APPROVAL,
                    QuoteStatus.APPROVED, QuoteStatus.ACCEPTED, QuoteStatus.CANCELLED, QuoteStatus.EXPIRED, QuoteStatus.SUPERSEDED),
            QuoteStatus.PENDING_APPROVAL, EnumSet.of(QuoteStatus.PENDING_APPROVAL, QuoteStatus.APPROVED, QuoteStatus.REJECTED,
                    QuoteStatus.CANCELLED, QuoteStatus.EXPIRED, QuoteStatus.SUPERSEDED),
            QuoteStatus.APPROVED, EnumSet.of(QuoteStatus.ACCEPTED, QuoteStatus.CANCELLED, QuoteStatus.EXPIRED,
                    QuoteStatus.SUPERSEDED),
            QuoteStatus.REJECTED, EnumSet.of(QuoteStatus.CANCELLED, QuoteStatus.EXPIRED, QuoteStatus.SUPERSEDED),
            QuoteStatus.ACCEPTED, EnumSet.noneOf(QuoteStatus.class),
            QuoteStatus.CANCELLED, EnumSet.noneOf(QuoteStatus.class),
            QuoteStatus.EXPIRED, EnumSet.noneOf(QuoteStatus.class),
            QuoteStatus.SUPERSEDED, EnumSet.noneOf(QuoteStatus.class));

    @Test
    void everyPairOfStatesIsAllowedExactlyAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (QuoteStatus from : QuoteStatus.values()) {
            for (QuoteStatus to : QuoteStatus.values()) {
                if (from.canMoveTo(to) != ALLOWED.get(from).contains(to)) {
                    wrong.add(from + " -> " + to);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void acceptedCancelledExpiredAndSupersededAreFinal() {
        for (QuoteStatus status : QuoteStatus.values()) {
            assertEquals(!EnumSet.of(QuoteStatus.ACCEPTED, QuoteStatus.CANCELLED, QuoteStatus.EXPIRED,
                    QuoteStatus.SUPERSEDED).contains(status), status.open(), status.name());
        }
    }

    /** A new state must be added to the table above, too. */
    @Test
    void theTableCoversEveryState() {
        assertEquals(EnumSet.allOf(QuoteStatus.class), ALLOWED.keySet());
    }
}
