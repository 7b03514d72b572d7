package io.cpqoms.catalog.application;

import io.cpqoms.catalog.api.AccountStandingCommands;
import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.catalog.api.AccountStandingView;
import io.cpqoms.catalog.api.AccountStandingView.Outcome;
import io.cpqoms.catalog.domain.AccountStanding;
import io.cpqoms.catalog.domain.AccountStandingRepository;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records account standing statements into the catalog's projection, one transaction each. A change
 * (CREATED, UPDATED) is audited; a repeated or stale statement changes nothing and writes nothing,
 * so a redelivered or late feed message is harmless.
 */
@Stateless
public class AccountStandingService implements AccountStandingCommands {

    private static final String AGGREGATE = "AccountStanding";

    @Inject
    private AccountStandingRepository standings;

    @Override
    public AccountStandingView record(CommandContext context, String accountId, AccountStandingUpdate update) {
        Instant now = Instant.now();
        AccountStanding candidate = AccountStanding.of(context.tenantId(), accountId, update, now);
        if (standings.addIfAbsent(candidate)) {
            AccountStandingView created = candidate.view(Outcome.CREATED);
            audit(context, now, created, null);
            return created;
        }
        AccountStanding stored = standings.lock(context.tenantId(), candidate.accountId());
        Instant previousAsOf = stored.asOf();
        Outcome outcome = stored.record(update, now);
        if (outcome != Outcome.UPDATED) {
            return stored.view(outcome);
        }
        standings.store(stored);
        AccountStandingView updated = stored.view(outcome);
        audit(context, now, updated, previousAsOf);
        return updated;
    }

    private void audit(CommandContext context, Instant now, AccountStandingView standing, Instant previousAsOf) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("accountId", standing.accountId());
        put(details, "customerId", standing.customerId());
        put(details, "customerSegment", standing.customerSegment());
        details.put("outstandingDebt", standing.outstandingDebt());
        details.put("currency", standing.currency());
        details.put("asOf", standing.asOf().toString());
        put(details, "previousAsOf", previousAsOf == null ? null : previousAsOf.toString());
        details.put("outcome", standing.outcome().name());
        standings.record(new AuditEntry(context, now, "ACCOUNT_STANDING_RECORDED", AGGREGATE, standing.accountId(),
                standing.entityVersion(), details));
    }

    private static void put(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
