package io.cpqoms.quote.domain;

import static io.cpqoms.quote.api.QuoteStatus.ACCEPTED;
import static io.cpqoms.quote.api.QuoteStatus.DRAFT;
import static io.cpqoms.quote.api.QuoteStatus.PRICED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cpqoms.quote.api.QuoteStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quote lifecycle table: every pair of states, allowed or not. */
class QuoteStatusTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "DRAFT,    DRAFT,    true",
        "DRAFT,    PRICED,   true",
        "DRAFT,    ACCEPTED, false",
        "PRICED,   DRAFT,    true",
        "PRICED,   PRICED,   true",
        "PRICED,   ACCEPTED, true",
        "ACCEPTED, DRAFT,    false",
        "ACCEPTED, PRICED,   false",
        "ACCEPTED, ACCEPTED, false",
    })
    void transitions(QuoteStatus from, QuoteStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    /** A new state must be added to the table above, too. */
    @Test
    void theTableCoversEveryState() {
        assertEquals(List.of(DRAFT, PRICED, ACCEPTED), List.of(QuoteStatus.values()));
    }
}
