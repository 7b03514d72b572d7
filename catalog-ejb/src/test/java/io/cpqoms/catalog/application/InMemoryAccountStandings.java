package io.cpqoms.catalog.application;

import io.cpqoms.catalog.domain.AccountStanding;
import io.cpqoms.catalog.domain.AccountStandingRepository;
import io.cpqoms.kernel.AuditEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account standing projection in memory, keyed like the table (tenant, account), with the audit entries written. */
final class InMemoryAccountStandings implements AccountStandingRepository {

    final Map<String, AccountStanding> rows = new LinkedHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();

    private static String key(String tenantId, String accountId) {
        return tenantId + "/" + accountId;
    }

    @Override
    public Optional<AccountStanding> find(String tenantId, String accountId) {
        return Optional.ofNullable(rows.get(key(tenantId, accountId)));
    }

    @Override
    public boolean addIfAbsent(AccountStanding standing) {
        return rows.putIfAbsent(key(standing.tenantId(), standing.accountId()), standing) == null;
    }

    @Override
    public AccountStanding lock(String tenantId, String accountId) {
        return find(tenantId, accountId).orElseThrow();
    }

    @Override
    public void store(AccountStanding standing) {
    }

    @Override
    public void record(AuditEntry entry) {
        audit.add(entry);
    }
}
