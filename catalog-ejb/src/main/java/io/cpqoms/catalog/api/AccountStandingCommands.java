package io.cpqoms.catalog.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;

/**
 * Keeps the catalog's projection of account standing (customer, segment, outstanding debt), which the
 * catalog does not own: the owning system states it, through the trusted integration's HTTP call or,
 * later, its ERP feed. Each call is one transaction, audited when it changes the projection.
 */
@Local
public interface AccountStandingCommands {

    /**
     * Records what the owning system states about an account. Idempotent and independent of arrival
     * order: a statement older than the recorded one changes nothing (STALE_IGNORED), the same
     * statement again changes nothing (UNCHANGED); a different statement as of the same instant is a
     * conflict (409 ACCOUNT_STANDING_CONFLICT).
     */
    AccountStandingView record(CommandContext context, String accountId, AccountStandingUpdate update);
}
