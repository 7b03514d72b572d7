package io.cpqoms.quote.infrastructure;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.quote.domain.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** Quotes in PostgreSQL, always scoped to one tenant. */
@ApplicationScoped
public class Quotes {

    public static final String QUOTE_NOT_FOUND = "QUOTE_NOT_FOUND";

    @PersistenceContext(unitName = "quote")
    private EntityManager em;

    public void add(Quote quote) {
        em.persist(quote);
    }

    /** Stores an audit entry or outbox event in the command's transaction. */
    public void record(Object auditEntryOrOutboxEvent) {
        em.persist(auditEntryOrOutboxEvent);
    }

    /** The tenant's quote, or 404: another tenant's quote is indistinguishable from none. */
    public Quote get(String tenantId, UUID id) {
        return visible(tenantId, id, id == null ? null : em.find(Quote.class, id));
    }

    /**
     * The quote with its row locked until the transaction ends, so that concurrent repeats of a command
     * run one after another and the later ones see what the first did instead of failing on the version.
     */
    public Quote lock(String tenantId, UUID id) {
        return visible(tenantId, id, id == null ? null : em.find(Quote.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    private static Quote visible(String tenantId, UUID id, Quote quote) {
        if (quote == null || !quote.tenantId().equals(tenantId)) {
            throw DomainException.notFound(QUOTE_NOT_FOUND, "Quote " + id + " does not exist.");
        }
        return quote;
    }

    /** The next quote number ({@code Q-000123}) from the schema's sequence. */
    public String nextQuoteNumber() {
        Number next = (Number) em.createNativeQuery("select nextval('quote.quote_number_seq')").getSingleResult();
        return Quote.quoteNumber(next.longValue());
    }

    /** Makes a stale write fail inside the command rather than at commit. */
    public void flush() {
        em.flush();
    }
}
