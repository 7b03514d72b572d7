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
import io.cpqoms.kernel.Json;
import io.cpqoms.quote.domain.ApprovalPolicy;
import io.cpqoms.quote.domain.QuoteRevision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    public ApprovalPolicy policy(String tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, levels::text, rules::text from quote.approval_policy"
                + " where tenant_id in (?1, '*') and effective_from <= now()"
                + " order by (tenant_id = '*'), version desc limit 1")
                .setParameter(1, tenantId).getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no approval policy for tenant " + tenantId + " and no default policy");
        }
        Object[] row = rows.get(0);
        Map<String, String> levels = Json.read((String) row[1], new HashMap<String, String>() { }.getClass().getGenericSuperclass());
        Map<Integer, String> chain = new TreeMap<>();
        levels.forEach((level, role) -> chain.put(Integer.valueOf(level), role));
        PolicyRule[] rules = Json.read((String) row[2], PolicyRule[].class);
        List<ApprovalPolicy.Rule> parsed = new ArrayList<>();
        for (PolicyRule rule : rules) {
            parsed.add(new ApprovalPolicy.Rule(rule.type, rule.threshold, rule.standardTerms, rule.level));
        }
        return new ApprovalPolicy(((Number) row[0]).intValue(), chain, parsed);
    }

    /** A rule as the policy's JSON holds it. */
    public static class PolicyRule {
        public String type;
        public BigDecimal threshold;
        public List<Integer> standardTerms;
        public int level;
    }

    @Override
    public List<Due> dueForExpiry(LocalDate today, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tenant_id, id::text from quote.quote"
                + " where status in ('DRAFT', 'PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED') and valid_until < ?1"
                + " order by valid_until, id limit ?2")
                .setParameter(1, java.sql.Date.valueOf(today)).setParameter(2, limit).getResultList();
        List<Due> due = new ArrayList<>(rows.size());
        rows.forEach(row -> due.add(new Due((String) row[0], UUID.fromString((String) row[1]))));
        return due;
    }

    @Override
    public void keep(QuoteRevision revision) {
        em.persist(revision);
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
