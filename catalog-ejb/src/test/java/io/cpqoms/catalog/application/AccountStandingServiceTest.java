package io.cpqoms.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.AccountStandingView;
import io.cpqoms.catalog.api.AccountStandingView.Outcome;
import io.cpqoms.catalog.domain.AccountStanding;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Roles;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The account standing command: created, updated, repeated and stale statements, and what is audited. */
class AccountStandingServiceTest {

    private static final Instant TUESDAY = Instant.parse("2026-06-30T00:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-07-01T00:00:00Z");

    private final InMemoryAccountStandings standings = new InMemoryAccountStandings();
    private final AccountStandingService service = Beans.inject(new AccountStandingService(), "standings", standings);
    private final CommandContext erp = new CommandContext("acme", "erp-feed", "corr-1", Set.of(Roles.ORDER_CAPTURE));

    private static AccountStandingUpdate update(String debt, Instant asOf) {
        return new AccountStandingUpdate("cus-1", "ENTERPRISE", new BigDecimal(debt), "USD", asOf);
    }

    @Test
    void theFirstStatementIsCreatedAndAudited() {
        AccountStandingView view = service.record(erp, "acc-1", update("100.00", TUESDAY));
        assertEquals(Outcome.CREATED, view.outcome());
        assertEquals(new BigDecimal("100.00"), view.outstandingDebt());
        assertEquals(1, standings.audit.size());
        AuditEntry entry = standings.audit.get(0);
        assertEquals("ACCOUNT_STANDING_RECORDED", entry.action());
        assertEquals("erp-feed", entry.actor());
        assertEquals("corr-1", entry.correlationId());
        assertTrue(entry.details().contains("\"outcome\":\"CREATED\""), entry.details());
        assertTrue(entry.details().contains("\"asOf\":\"2026-06-30T00:00:00Z\""), entry.details());
    }

    @Test
    void aNewerStatementUpdatesAndIsAuditedWithThePreviousInstant() {
        service.record(erp, "acc-1", update("100.00", TUESDAY));
        AccountStandingView view = service.record(erp, "acc-1", update("0", WEDNESDAY));
        assertEquals(Outcome.UPDATED, view.outcome());
        assertEquals(WEDNESDAY, view.asOf());
        assertEquals(2, standings.audit.size());
        assertTrue(standings.audit.get(1).details().contains("\"previousAsOf\":\"2026-06-30T00:00:00Z\""));
    }

    @Test
    void aRepeatedOrStaleStatementChangesAndAuditsNothing() {
        service.record(erp, "acc-1", update("0", WEDNESDAY));
        AccountStandingView again = service.record(erp, "acc-1", update("0.00", WEDNESDAY));
        assertEquals(Outcome.UNCHANGED, again.outcome());
        AccountStandingView stale = service.record(erp, "acc-1", update("500", TUESDAY));
        assertEquals(Outcome.STALE_IGNORED, stale.outcome());
        assertEquals(0, stale.outstandingDebt().signum(), "the answer is the recorded standing");
        assertEquals(WEDNESDAY, stale.asOf());
        assertEquals(1, standings.audit.size());
    }

    @Test
    void aConflictingStatementIsRefused() {
        service.record(erp, "acc-1", update("0", WEDNESDAY));
        DomainException e = assertThrows(DomainException.class, () -> service.record(erp, "acc-1", update("1", WEDNESDAY)));
        assertEquals(AccountStanding.ACCOUNT_STANDING_CONFLICT, e.code());
    }

    @Test
    void tenantsHaveTheirOwnProjections() {
        service.record(erp, "acc-1", update("100", TUESDAY));
        CommandContext globex = new CommandContext("globex", "erp-feed", "corr-2", Set.of(Roles.ORDER_CAPTURE));
        assertEquals(Outcome.CREATED, service.record(globex, "acc-1", update("0", TUESDAY)).outcome());
        assertEquals(new BigDecimal("100"), standings.find("acme", "acc-1").orElseThrow().outstandingDebt());
    }

    @Test
    void anInvalidStatementWritesNothing() {
        assertThrows(DomainException.class, () -> service.record(erp, "acc-1", update("-5", TUESDAY)));
        assertTrue(standings.rows.isEmpty());
        assertTrue(standings.audit.isEmpty());
    }
}
