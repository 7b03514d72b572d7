package io.cpqoms.quote.infrastructure;

import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.Json;
import io.cpqoms.quote.api.ApprovalQueueEntry;
import io.cpqoms.quote.api.ApprovalStatus;
import io.cpqoms.quote.api.ApprovalTrigger;
import io.cpqoms.quote.api.QuoteSearch;
import io.cpqoms.quote.api.QuoteStatus;
import io.cpqoms.quote.api.QuoteSummary;
import io.cpqoms.quote.api.QuoteTimelineEntry;
import io.cpqoms.quote.api.QuoteView;
import io.cpqoms.quote.domain.QuoteReadModel;
import io.cpqoms.quote.domain.QuoteRevision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The quote read models in PostgreSQL: native queries on the indexes of migration V7 (search by
 * tenant with customer, status or owner, newest first; open quotes by end of validity; the pending
 * approvals by the role they wait for), and the quote's audit trail.
 */
@ApplicationScoped
public class JpaQuoteReadModel implements QuoteReadModel {

    /** The statuses in which a quote can still expire (V6's partial index has the same list). */
    static final String OPEN = "('DRAFT', 'PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED')";

    @PersistenceContext(unitName = "quote")
    private EntityManager em;

    @Override
    @SuppressWarnings("unchecked")
    public List<QuoteSummary> search(String tenantId, QuoteSearch search, SearchPosition after, int fetch) {
        StringBuilder sql = new StringBuilder("select q.id::text, q.quote_number, q.revision, q.status, q.customer_id,"
                + " q.account_id, q.channel, q.created_by, q.valid_until, q.price_snapshot->>'currency',"
                + " q.price_snapshot->>'oneTimeTotal', (q.price_snapshot->'recurringTotals')::text,"
                + " (select a.status from quote.quote_approval a where a.quote_id = q.id and a.revision = q.revision"
                + " order by a.requested_at desc limit 1), q.created_at, q.updated_at"
                + " from quote.quote q where q.tenant_id = ?1");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (search.customerId() != null) {
            sql.append(" and q.customer_id = ?").append(parameters.size() + 1);
            parameters.add(search.customerId());
        }
        if (search.status() != null) {
            sql.append(" and q.status = ?").append(parameters.size() + 1);
            parameters.add(search.status().name());
        }
        if (search.owner() != null) {
            sql.append(" and q.created_by = ?").append(parameters.size() + 1);
            parameters.add(search.owner());
        }
        if (search.expiringBefore() != null) {
            sql.append(" and q.status in ").append(OPEN).append(" and q.valid_until < ?").append(parameters.size() + 1);
            parameters.add(java.sql.Date.valueOf(search.expiringBefore()));
            if (after != null) {
                sql.append(" and (q.valid_until, q.id) > (?").append(parameters.size() + 1)
                        .append(", cast(?").append(parameters.size() + 2).append(" as uuid))");
                parameters.add(java.sql.Date.valueOf(after.validUntil()));
                parameters.add(after.id().toString());
            }
            sql.append(" order by q.valid_until, q.id");
        } else {
            if (after != null) {
                sql.append(" and (q.created_at, q.id) < (?").append(parameters.size() + 1)
                        .append(", cast(?").append(parameters.size() + 2).append(" as uuid))");
                parameters.add(java.sql.Timestamp.from(after.createdAt()));
                parameters.add(after.id().toString());
            }
            sql.append(" order by q.created_at desc, q.id desc");
        }
        sql.append(" limit ?").append(parameters.size() + 1);
        parameters.add(fetch);
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new QuoteSummary(UUID.fromString((String) row[0]), (String) row[1],
                ((Number) row[2]).intValue(), QuoteStatus.valueOf((String) row[3]), (String) row[4], (String) row[5],
                (String) row[6], (String) row[7], date(row[8]), (String) row[9], decimal(row[10]), recurring(row[11]),
                row[12] == null ? null : ApprovalStatus.valueOf((String) row[12]), instant(row[13]), instant(row[14])))
                .toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ApprovalQueueEntry> approvalQueue(String tenantId, Set<String> roles, String actor, Instant afterRequestedAt,
                                                  UUID afterId, int fetch) {
        if (roles.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("select a.id::text, q.id::text, q.quote_number, a.revision,"
                + " a.price_snapshot_id::text, q.customer_id, a.status, a.required_level, a.next_level, a.next_role,"
                + " a.triggers::text, a.requested_by, a.requested_at, q.valid_until, q.price_snapshot->>'currency',"
                + " q.price_snapshot->>'oneTimeTotal', (q.price_snapshot->'recurringTotals')::text"
                + " from quote.quote_approval a join quote.quote q on q.id = a.quote_id"
                + " where a.tenant_id = ?1 and a.status = 'PENDING' and a.requested_by <> ?2 and a.next_role in (");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, actor));
        for (String role : new TreeSet<>(roles)) {
            sql.append(parameters.size() > 2 ? ", ?" : "?").append(parameters.size() + 1);
            parameters.add(role);
        }
        sql.append(")");
        if (afterRequestedAt != null) {
            sql.append(" and (a.requested_at, a.id) > (?").append(parameters.size() + 1)
                    .append(", cast(?").append(parameters.size() + 2).append(" as uuid))");
            parameters.add(java.sql.Timestamp.from(afterRequestedAt));
            parameters.add(afterId.toString());
        }
        sql.append(" order by a.requested_at, a.id limit ?").append(parameters.size() + 1);
        parameters.add(fetch);
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new ApprovalQueueEntry(UUID.fromString((String) row[0]),
                UUID.fromString((String) row[1]), (String) row[2], ((Number) row[3]).intValue(),
                UUID.fromString((String) row[4]), (String) row[5], ApprovalStatus.valueOf((String) row[6]),
                ((Number) row[7]).intValue(), row[8] == null ? null : ((Number) row[8]).intValue(), (String) row[9],
                Arrays.asList(Json.read((String) row[10], ApprovalTrigger[].class)), (String) row[11], instant(row[12]),
                date(row[13]), (String) row[14], decimal(row[15]), recurring(row[16]))).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<QuoteTimelineEntry> auditTrail(String tenantId, UUID quoteId) {
        List<Object[]> rows = em.createNativeQuery("select occurred_at, action, actor, correlation_id, details::text"
                        + " from quote.audit_entry where tenant_id = ?1 and aggregate_type = 'Quote' and aggregate_id = ?2"
                        + " order by recorded_seq")
                .setParameter(1, tenantId).setParameter(2, quoteId.toString()).getResultList();
        return rows.stream().map(row -> {
            Map<String, Object> details = Json.read((String) row[4], LinkedHashMap.class);
            Object revision = details.get("revision");
            return new QuoteTimelineEntry(instant(row[0]), (String) row[1],
                    revision instanceof Number n ? Integer.valueOf(n.intValue()) : null, (String) row[2], (String) row[3],
                    details);
        }).toList();
    }

    @Override
    public Optional<QuoteView> supersededRevision(String tenantId, UUID quoteId, int revision) {
        QuoteRevision kept = em.find(QuoteRevision.class, new QuoteRevision.Key(quoteId, revision));
        return kept == null || !kept.tenantId().equals(tenantId) ? Optional.empty()
                : Optional.of(Json.read(kept.content(), QuoteView.class));
    }

    private static List<RecurringTotal> recurring(Object column) {
        return column == null ? List.of() : Arrays.asList(Json.read((String) column, RecurringTotal[].class));
    }

    private static BigDecimal decimal(Object column) {
        return column == null ? null : new BigDecimal((String) column);
    }

    private static LocalDate date(Object column) {
        if (column instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return column == null ? null : LocalDate.parse(column.toString());
    }

    private static Instant instant(Object column) {
        if (column instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(column.toString());
    }
}
