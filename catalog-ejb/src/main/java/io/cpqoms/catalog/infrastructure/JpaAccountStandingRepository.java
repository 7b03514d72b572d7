package io.cpqoms.catalog.infrastructure;

import io.cpqoms.catalog.domain.AccountStanding;
import io.cpqoms.catalog.domain.AccountStandingRepository;
import io.cpqoms.kernel.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.util.Optional;

/** The account standing projection in PostgreSQL (table {@code catalog.account_standing}). */
@ApplicationScoped
public class JpaAccountStandingRepository implements AccountStandingRepository {

    @PersistenceContext(unitName = "catalog")
    private EntityManager em;

    @Override
    public Optional<AccountStanding> find(String tenantId, String accountId) {
        return Optional.ofNullable(em.find(AccountStanding.class, new AccountStanding.Key(tenantId, accountId)));
    }

    /** An insert that does nothing on a conflict, so a concurrent first statement never makes a duplicate key error. */
    @Override
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

    @Override
    public AccountStanding lock(String tenantId, String accountId) {
        AccountStanding standing = em.find(AccountStanding.class, new AccountStanding.Key(tenantId, accountId),
                LockModeType.PESSIMISTIC_WRITE);
        if (standing == null) {
            throw new IllegalStateException("account standing " + accountId + " vanished while it was being updated");
        }
        return standing;
    }

    /** The standing is managed since it was locked; flushing writes its changes. */
    @Override
    public void store(AccountStanding standing) {
        em.flush();
    }

    @Override
    public void record(AuditEntry entry) {
        em.persist(entry);
    }
}
