package io.cpqoms.catalog.infrastructure;

import io.cpqoms.catalog.domain.AccountStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.Optional;

/** The account standing projection in PostgreSQL, always scoped to one tenant. */
@ApplicationScoped
public class AccountStandings {

    @PersistenceContext(unitName = "catalog")
    private EntityManager em;

    /** The tenant's standing of the account, if the projection knows it. */
    public Optional<AccountStanding> find(String tenantId, String accountId) {
        return Optional.ofNullable(em.find(AccountStanding.class, new AccountStanding.Key(tenantId, accountId)));
    }

    /**
     * Inserts the first standing of an account unless a row exists, also one a concurrent transaction
     * inserted (this one then waits for it): two first statements never make a duplicate key error.
     * Returns whether this call inserted it.
     */
    public boolean addIfAbsent(AccountStanding standing) {
        return em.createNativeQuery("insert into catalog.account_standing (tenant_id, account_id, entity_version,"
                        + " customer_id, customer_segment, outstanding_debt, currency, as_of, updated_at)"
                        + " values (?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing")
                .setParameter(1, standing.tenantId())
                .setParameter(2, standing.accountId())
                .setParameter(3, standing.customerId())
                .setParameter(4, standing.customerSegment())
                .setParameter(5, standing.outstandingDebt())
                .setParameter(6, standing.currency())
                .setParameter(7, Timestamp.from(standing.asOf()))
                .setParameter(8, Timestamp.from(standing.updatedAt()))
                .executeUpdate() == 1;
    }

    /** The stored standing, locked until the transaction ends, so concurrent statements apply one after another. */
    public AccountStanding lock(String tenantId, String accountId) {
        AccountStanding standing = em.find(AccountStanding.class, new AccountStanding.Key(tenantId, accountId),
                LockModeType.PESSIMISTIC_WRITE);
        if (standing == null) {
            throw new IllegalStateException("account standing " + accountId + " vanished while it was being updated");
        }
        return standing;
    }

    /** Stores an audit entry in the command's transaction. */
    public void record(Object auditEntry) {
        em.persist(auditEntry);
    }

    /** Makes a stale write fail inside the command rather than at commit. */
    public void flush() {
        em.flush();
    }
}
