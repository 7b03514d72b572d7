package io.cpqoms.quote.application;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.quote.domain.Quote;
import io.cpqoms.quote.domain.QuoteRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Expiry: the quotes whose validity ended (an open status and a {@code validUntil} before today, UTC)
 * become EXPIRED, each in its own transaction with its audit entry and {@code quote.expired.v1}; a
 * pending approval request is withdrawn. {@link QuoteExpirySweep} calls it on a persistent timer.
 */
@Stateless
public class QuoteExpiryService {

    /** The actor of the expiry audit entries. */
    public static final String ACTOR = "system:quote-expiry";
    /** The most quotes one sweep looks at; the next sweep takes the rest. */
    public static final int BATCH = 200;

    @Inject
    private QuoteRepository quotes;

    /** Quotes that are due, across tenants, oldest validity first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<QuoteRepository.Due> due(Instant now) {
        return quotes.dueForExpiry(LocalDate.ofInstant(now, ZoneOffset.UTC), BATCH);
    }

    /**
     * Expires one quote if it is still open and past its validity (a quote accepted or cancelled since it
     * was found is left alone); returns whether it expired.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean expire(String tenantId, UUID quoteId, Instant now) {
        Quote quote = quotes.lock(tenantId, quoteId);
        if (!quote.expire(now)) {
            return false;
        }
        quotes.store(quote);
        CommandContext context = new CommandContext(tenantId, ACTOR, UUID.randomUUID().toString(), Set.of());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("quoteId", quote.id().toString());
        data.put("quoteNumber", quote.quoteNumber());
        data.put("revision", quote.revision());
        data.put("customerId", quote.customerId());
        data.put("status", quote.status().name());
        data.put("validUntil", quote.validUntil().toString());
        quotes.record(new AuditEntry(context, now, "QUOTE_EXPIRED", "Quote", quote.id().toString(), quote.entityVersion(), data));
        quotes.record(new OutboxEvent(context, now, "quote.expired.v1", "Quote", quote.id().toString(), quote.entityVersion(), data));
        return true;
    }
}
