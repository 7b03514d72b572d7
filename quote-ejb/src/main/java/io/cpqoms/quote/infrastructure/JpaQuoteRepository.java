package io.cpqoms.quote.infrastructure;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.quote.domain.Quote;
import io.cpqoms.quote.domain.QuoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/** Quotes in PostgreSQL (schema {@code quote}) through the quote persistence unit. */
@ApplicationScoped
public class JpaQuoteRepository implements QuoteRepository {

    @PersistenceContext(unitName = "quote")
    private EntityManager em;

    @Override
    public String nextQuoteNumber() {
        Number next = (Number) em.createNativeQuery("select nextval('quote.quote_number_seq')").getSingleResult();
        return Quote.quoteNumber(next.longValue());
    }

    @Override
    public void add(Quote quote) {
        em.persist(quote);
        em.flush();
    }

    @Override
    public Quote get(String tenantId, UUID id) {
        return visible(tenantId, id, id == null ? null : em.find(Quote.class, id));
    }

    @Override
    public Quote lock(String tenantId, UUID id) {
        return visible(tenantId, id, id == null ? null : em.find(Quote.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static Quote visible(String tenantId, UUID id, Quote quote) {
        if (quote == null || !quote.tenantId().equals(tenantId)) {
            throw DomainException.notFound(QUOTE_NOT_FOUND, "Quote " + id + " does not exist.");
        }
        return quote;
    }

    /** The quote is managed since it was added or loaded; flushing writes its changes. */
    @Override
    public void store(Quote quote) {
        em.flush();
    }

    @Override
    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    @Override
    public void record(OutboxEvent event) {
        em.persist(event);
    }
}
