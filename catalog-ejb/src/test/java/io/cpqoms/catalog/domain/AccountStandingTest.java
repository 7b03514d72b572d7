package io.cpqoms.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.AccountStandingView;
import io.cpqoms.catalog.api.AccountStandingView.Outcome;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountStandingTest {

    private static final Instant NOW = Instant.parse("2026-07-02T10:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-06-29T00:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-06-30T00:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-07-01T00:00:00Z");

    private static AccountStandingUpdate update(String segment, String debt, Instant asOf) {
        return new AccountStandingUpdate("cus-1", segment, debt == null ? null : new BigDecimal(debt), "USD", asOf);
    }

    private static AccountStanding recorded(AccountStandingUpdate first) {
        return AccountStanding.of("t1", "acc-1", first, NOW);
    }

    @Test
    void theFirstStatementCreatesTheProjection() {
        AccountStanding standing = AccountStanding.of("t1", " acc-1 ", new AccountStandingUpdate(" cus-1 ", " ",
                new BigDecimal("12.30"), " EUR ", TUESDAY), NOW);
        AccountStandingView view = standing.view(Outcome.CREATED);
        assertEquals("acc-1", view.accountId());
        assertEquals("cus-1", view.customerId());
        assertNull(view.customerSegment(), "a blank segment is no segment");
        assertEquals(new BigDecimal("12.30"), view.outstandingDebt());
        assertEquals("EUR", view.currency());
        assertEquals(TUESDAY, view.asOf());
        assertEquals(NOW, view.updatedAt());
        assertEquals(Outcome.CREATED, view.outcome());
        assertTrue(standing.hasOutstandingDebt());
        assertEquals("t1", standing.tenantId());
    }

    @Test
    void aNewerStatementReplacesTheProjection() {
        AccountStanding standing = recorded(update("SMB", "100", TUESDAY));
        Instant later = NOW.plusSeconds(60);
        assertEquals(Outcome.UPDATED, standing.record(update("ENTERPRISE", "0", WEDNESDAY), later));
        assertEquals("ENTERPRISE", standing.customerSegment());
        assertFalse(standing.hasOutstandingDebt());
        assertEquals(WEDNESDAY, standing.asOf());
        assertEquals(later, standing.updatedAt());
    }

    @Test
    void aNewerStatementWithTheSameContentStillRefreshesTheProjection() {
        AccountStanding standing = recorded(update("SMB", "100", TUESDAY));
        assertEquals(Outcome.UPDATED, standing.record(update("SMB", "100.00", WEDNESDAY), NOW));
        assertEquals(WEDNESDAY, standing.asOf(), "fresher, even though nothing else changed");
    }

    @Test
    void anOlderStatementIsIgnored() {
        AccountStanding standing = recorded(update("SMB", "100", TUESDAY));
        assertEquals(Outcome.STALE_IGNORED, standing.record(update("ENTERPRISE", "0", MONDAY), NOW.plusSeconds(60)));
        assertEquals("SMB", standing.customerSegment());
        assertEquals(new BigDecimal("100"), standing.outstandingDebt());
        assertEquals(TUESDAY, standing.asOf());
        assertEquals(NOW, standing.updatedAt());
    }

    @Test
    void theSameStatementAgainChangesNothing() {
        AccountStanding standing = recorded(update("SMB", "100", TUESDAY));
        assertEquals(Outcome.UNCHANGED, standing.record(update("SMB", "100.00", TUESDAY), NOW.plusSeconds(60)));
        assertEquals(NOW, standing.updatedAt());
    }

    @Test
    void twoDifferentStatementsAsOfOneInstantConflict() {
        AccountStanding standing = recorded(update("SMB", "100", TUESDAY));
        DomainException e = assertThrows(DomainException.class, () -> standing.record(update("SMB", "0", TUESDAY), NOW));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(AccountStanding.ACCOUNT_STANDING_CONFLICT, e.code());
        assertEquals(new BigDecimal("100"), standing.outstandingDebt(), "unchanged");
    }

    @Test
    void statementsInAnyOrderLeaveTheSameProjection() {
        List<AccountStandingUpdate> statements = List.of(update("SMB", "100", MONDAY), update("SMB", "40", TUESDAY),
                update("ENTERPRISE", "0", WEDNESDAY), update("SMB", "40", TUESDAY));
        List<List<AccountStandingUpdate>> orders = List.of(statements, reversed(statements),
                List.of(statements.get(2), statements.get(0), statements.get(3), statements.get(1)));
        for (List<AccountStandingUpdate> order : orders) {
            AccountStanding standing = recorded(order.get(0));
            order.subList(1, order.size()).forEach(u -> standing.record(u, NOW));
            assertEquals("ENTERPRISE", standing.customerSegment(), order::toString);
            assertEquals(0, standing.outstandingDebt().signum());
            assertEquals(WEDNESDAY, standing.asOf());
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    @Test
    void anIncompleteUpdateIsRefusedWithEveryField() {
        DomainException e = assertThrows(DomainException.class, () -> AccountStanding.of("t1", " ",
                new AccountStandingUpdate(null, null, null, null, null), NOW));
        assertEquals(DomainException.Kind.INVALID_INPUT, e.kind());
        assertEquals(AccountStanding.ACCOUNT_STANDING_INVALID, e.code());
        assertEquals(List.of("accountId", "outstandingDebt", "currency", "asOf"),
                e.violations().stream().map(Violation::target).toList());
        assertEquals(AccountStanding.ACCOUNT_STANDING_INVALID,
                assertThrows(DomainException.class, () -> AccountStanding.check("acc-1", null, NOW)).code());
    }

    @Test
    void aWrongUpdateIsRefused() {
        DomainException e = assertThrows(DomainException.class, () -> AccountStanding.of("t1", "acc-1",
                new AccountStandingUpdate("c".repeat(101), "SMB", new BigDecimal("-1"), "XYZ",
                        NOW.plus(AccountStanding.CLOCK_TOLERANCE).plusSeconds(1)), NOW));
        assertEquals(List.of("customerId FIELD_TOO_LONG", "outstandingDebt OUTSTANDING_DEBT_NEGATIVE",
                        "currency CURRENCY_UNKNOWN", "asOf AS_OF_IN_FUTURE"),
                e.violations().stream().map(v -> v.target() + " " + v.rule()).toList());
    }

    @Test
    void aStatementSlightlyAheadOfThisClockIsAccepted() {
        AccountStanding standing = recorded(update("SMB", "0", NOW.plus(AccountStanding.CLOCK_TOLERANCE)));
        assertEquals(NOW.plus(AccountStanding.CLOCK_TOLERANCE), standing.asOf());
    }

    @Test
    void anUpdateIsCheckedBeforeItIsComparedWithTheProjection() {
        AccountStanding standing = recorded(update("SMB", "100", TUESDAY));
        assertEquals(AccountStanding.ACCOUNT_STANDING_INVALID, assertThrows(DomainException.class,
                () -> standing.record(update("SMB", null, MONDAY), NOW)).code(), "even a stale statement must be complete");
    }
}
