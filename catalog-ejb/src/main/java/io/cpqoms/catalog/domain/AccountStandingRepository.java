package io.cpqoms.catalog.domain;

import io.cpqoms.kernel.AuditEntry;
import java.util.Optional;

/**
 * Where the account standing projection is kept, always scoped to one tenant. Everything written here
 * joins the command's transaction: the standing and its audit entry commit together or not at all.
 */
public interface AccountStandingRepository {

    /** The tenant's standing of the account, if the projection knows it. */
    Optional<AccountStanding> find(String tenantId, String accountId);

    /**
     * Stores the first standing of an account unless one is stored, also one a concurrent transaction
     * stored (this one then waits for it): two first statements never collide. Returns whether this call
     * stored it.
     */
    boolean addIfAbsent(AccountStanding standing);

    /** The stored standing, locked until the transaction ends, so concurrent statements apply one after another. */
    AccountStanding lock(String tenantId, String accountId);

    /** Writes the changes of a standing loaded here now, so a concurrent change fails inside the command (409). */
    void store(AccountStanding standing);

    /** Keeps an audit entry with the command's change. */
    void record(AuditEntry entry);
}
