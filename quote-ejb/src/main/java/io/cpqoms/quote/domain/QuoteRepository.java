package io.cpqoms.quote.domain;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.OutboxEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where quotes are kept, always scoped to one tenant. Everything written here joins the command's
 * transaction: the quote, its audit entries and its outbox events commit together or not at all.
 */
public interface QuoteRepository {

    /** No quote of the tenant has that id (404); another tenant's quote is indistinguishable from none. */
    String QUOTE_NOT_FOUND = "QUOTE_NOT_FOUND";

    /** The next quote number ({@code Q-000123}); a number is never reused (a rolled-back command leaves a gap). */
    String nextQuoteNumber();

    /** Stores a new quote now, so that it carries its first version. */
    void add(Quote quote);

    /** The tenant's quote, or 404 {@link #QUOTE_NOT_FOUND}. */
    Quote get(String tenantId, UUID id);

    /**
     * The tenant's quote (or 404 {@link #QUOTE_NOT_FOUND}), locked until the transaction ends, so that
     * concurrent repeats of a command run one after another and the later ones see what the first did
     * instead of failing on the version.
     */
    Quote lock(String tenantId, UUID id);

    /**
     * Writes the changes of a quote loaded here now: a concurrent change fails inside the command (409)
     * rather than at commit, and the quote carries its new version for the audit entry and the event.
     */
    void store(Quote quote);

    /**
     * The tenant's approval policy in effect now: the newest version of the tenant's own, or of the
     * default ({@code *}) when the tenant has none.
     */
    ApprovalPolicy policy(String tenantId);

    /** A quote the expiry sweep is to look at. */
    record Due(String tenantId, UUID quoteId) {
    }

    /**
     * Open quotes of every tenant whose validity ended before {@code today} (UTC), oldest validity first,
     * at most {@code limit}.
     */
    List<Due> dueForExpiry(LocalDate today, int limit);

    /** Keeps a superseded revision as it was offered. */
    void keep(QuoteRevision revision);

    /** Keeps an audit entry with the command's change. */
    void record(AuditEntry entry);

    /** Queues an outgoing message with the command's change; the outbox relay sends it after commit. */
    void record(OutboxEvent event);
}
