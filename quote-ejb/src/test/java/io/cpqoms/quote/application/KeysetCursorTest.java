package io.cpqoms.quote.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.quote.api.QuoteQueries;
import io.cpqoms.quote.api.QuoteSearch;
import io.cpqoms.quote.api.QuoteStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @Test
    void aCursorReadsBackAsThePositionItWasMadeFrom() {
        String fingerprint = KeysetCursor.fingerprintOf("cust-1", QuoteStatus.PRICED, null, null);
        KeysetCursor cursor = new KeysetCursor("quotes", Instant.parse("2026-07-01T08:00:00.123456Z").toString(), ID, fingerprint);
        String encoded = cursor.encoded();
        assertTrue(encoded.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + encoded);
        assertEquals(cursor, KeysetCursor.parse(encoded, "quotes", fingerprint));
        assertNull(KeysetCursor.parse(null, "quotes", fingerprint));
    }

    @Test
    void aCursorOfOtherFiltersOrAnotherListIsRefused() {
        String mine = QuoteQueryService.searchFingerprint(new QuoteSearch("cust-1", null, null, null, 10, null));
        String other = QuoteQueryService.searchFingerprint(new QuoteSearch("cust-2", null, null, null, 10, null));
        String encoded = new KeysetCursor("quotes", Instant.EPOCH.toString(), ID, mine).encoded();
        assertInvalidPage(() -> KeysetCursor.parse(encoded, "quotes", other));
        assertInvalidPage(() -> KeysetCursor.parse(encoded, "approval-queue", mine));
        assertEquals(mine, QuoteQueryService.searchFingerprint(new QuoteSearch("cust-1", null, null, null, 50, "x")),
                "the page size and the cursor are not filters");
        // null and empty filters, and values that run into each other, are told apart
        assertTrue(!KeysetCursor.fingerprintOf("ab", "c").equals(KeysetCursor.fingerprintOf("a", "bc")));
        assertTrue(!KeysetCursor.fingerprintOf("cust-1", null).equals(KeysetCursor.fingerprintOf(null, "cust-1")));
        assertEquals(KeysetCursor.fingerprintOf(LocalDate.of(2026, 1, 1)), KeysetCursor.fingerprintOf("2026-01-01"));
    }

    @Test
    void garbageAndTamperedCursorsAreRefusedAsInvalidPages() {
        String fingerprint = KeysetCursor.fingerprintOf();
        for (String garbage : new String[] {"x", "%%%", "not base64!", "", b64("1|quotes|2026|not-a-uuid|" + fingerprint),
                b64("2|quotes|2026-01-01T00:00:00Z|" + ID + "|" + fingerprint), b64("1|quotes||" + ID + "|" + fingerprint),
                b64("1|quotes|2026-01-01T00:00:00Z|" + ID), b64("1|quotes|a|b|c|d|e")}) {
            assertInvalidPage(() -> KeysetCursor.parse(garbage, "quotes", fingerprint));
        }
    }

    @Test
    void pageSizesOutsideOneToTwoHundredAreRefused() {
        KeysetCursor.checkLimit(1);
        KeysetCursor.checkLimit(QuoteQueries.MAX_PAGE_SIZE);
        assertInvalidPage(() -> KeysetCursor.checkLimit(0));
        assertInvalidPage(() -> KeysetCursor.checkLimit(201));
        assertInvalidPage(() -> KeysetCursor.checkLimit(-5));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidPage(org.junit.jupiter.api.function.Executable call) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(QuoteQueries.INVALID_PAGE, e.code());
        assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
    }
}
