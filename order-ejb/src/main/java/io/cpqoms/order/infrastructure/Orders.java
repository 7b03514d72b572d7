package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.order.api.OrderQuery;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FalloutCase;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.ValidationResult;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The order context's storage: the order aggregate, its fulfillment items and validation results,
 * capture claims, audit entries and outbox messages, all in the command's transaction.
 */
@ApplicationScoped
public class Orders {

    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String FULFILLMENT_ITEM_NOT_FOUND = "FULFILLMENT_ITEM_NOT_FOUND";
    public static final String FALLOUT_CASE_NOT_FOUND = "FALLOUT_CASE_NOT_FOUND";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** A conversion names an acceptance that became an order with another quote or revision (409). */
    public static final String ACCEPTANCE_ALREADY_CONVERTED = "ACCEPTANCE_ALREADY_CONVERTED";
    /** The capture key of a quote's acceptance: one order per acceptance. */
    public static final String ACCEPTANCE_KEY = "acceptance:";
    private static final String KICK_REQUESTED = Orders.class.getName() + ".kick";

    @PersistenceContext(unitName = "ordering")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Inject
    private Event<OutboxWritten> outboxWritten;

    /** Fired once per transaction that wrote outbox messages; observed after commit. */
    public record OutboxWritten() {
    }

    /**
     * Claims request keys for a new order in this transaction. A key claimed before (or by a
     * concurrent transaction, which this one waits for) yields that order's id instead; a key claimed
     * with another request fingerprint is a conflict. Keys are claimed in the given order.
     */
    public Optional<UUID> claim(String tenantId, List<String> keys, UUID orderId, String fingerprint) {
        for (String key : keys) {
            int inserted = em.createNativeQuery("insert into ordering.capture_request (tenant_id, request_key, order_id,"
                            + " request_fingerprint, created_at) values (?1, ?2, ?3, ?4, now()) on conflict do nothing")
                    .setParameter(1, tenantId).setParameter(2, key).setParameter(3, orderId).setParameter(4, fingerprint)
                    .executeUpdate();
            if (inserted == 0) {
                Object[] claimed = (Object[]) em.createNativeQuery("select order_id, request_fingerprint from"
                                + " ordering.capture_request where tenant_id = ?1 and request_key = ?2")
                        .setParameter(1, tenantId).setParameter(2, key).getSingleResult();
                if (!fingerprint.equals(claimed[1])) {
                    String name = key.substring(key.indexOf(':') + 1);
                    if (key.startsWith(ACCEPTANCE_KEY)) {
                        throw DomainException.conflict(ACCEPTANCE_ALREADY_CONVERTED, "Acceptance " + name + " became order "
                                + claimed[0] + " with another quote or revision than this request names.");
                    }
                    throw DomainException.conflict(IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key '" + name
                            + "' was used for a different request; an idempotency key names one request.");
                }
                return Optional.of((UUID) claimed[0]);
            }
        }
        return Optional.empty();
    }

    public String nextOrderNumber(Instant now) {
        Number next = (Number) em.createNativeQuery("select nextval('ordering.order_number_seq')").getSingleResult();
        return String.format("ORD-%d-%07d", now.atZone(java.time.ZoneOffset.UTC).getYear(), next.longValue());
    }

    public void add(CustomerOrder order) {
        em.persist(order);
    }

    public void add(FulfillmentItem item) {
        em.persist(item);
    }

    public void add(ValidationResult result) {
        em.persist(result);
    }

    public void add(FalloutCase fallout) {
        em.persist(fallout);
    }

    /** The order's fallout cases, oldest first. */
    public List<FalloutCase> falloutCases(UUID orderId) {
        return em.createQuery("select f from FalloutCase f where f.orderId = :order order by f.openedAt, f.id",
                FalloutCase.class).setParameter("order", orderId).getResultList();
    }

    /** Cases of the tenant in the given groups (null: any) and statuses, oldest first after a keyset position. */
    public List<FalloutCase> falloutWorklist(String tenantId, java.util.Set<String> groups,
                                             java.util.Set<io.cpqoms.order.api.FalloutCaseStatus> statuses,
                                             Instant afterOpened, UUID afterId, int max) {
        StringBuilder jpql = new StringBuilder("select f from FalloutCase f where f.tenantId = :tenant and f.status in :statuses");
        if (groups != null) {
            jpql.append(" and f.ownerGroup in :groups");
        }
        if (afterOpened != null) {
            jpql.append(" and (f.openedAt > :afterOpened or (f.openedAt = :afterOpened and f.id > :afterId))");
        }
        TypedQuery<FalloutCase> q = em.createQuery(jpql.append(" order by f.openedAt, f.id").toString(), FalloutCase.class)
                .setParameter("tenant", tenantId).setParameter("statuses", statuses).setMaxResults(max);
        if (groups != null) {
            q.setParameter("groups", groups);
        }
        if (afterOpened != null) {
            q.setParameter("afterOpened", afterOpened).setParameter("afterId", afterId);
        }
        return q.getResultList();
    }

    /** A case of the order, or 404. */
    public FalloutCase falloutCase(UUID orderId, UUID caseId) {
        FalloutCase fallout = em.find(FalloutCase.class, caseId);
        if (fallout == null || !fallout.orderId().equals(orderId)) {
            throw DomainException.notFound(FALLOUT_CASE_NOT_FOUND, "Fallout case " + caseId + " does not exist on this order.");
        }
        return fallout;
    }

    /** The tenant's order, or 404: another tenant's order is indistinguishable from none. */
    public CustomerOrder get(String tenantId, UUID orderId) {
        return visible(tenantId, orderId, em.find(CustomerOrder.class, orderId));
    }

    /** The tenant's order, locked for the rest of the transaction: commands on one order run one at a time. */
    public CustomerOrder lock(String tenantId, UUID orderId) {
        return visible(tenantId, orderId, em.find(CustomerOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE));
    }

    private static CustomerOrder visible(String tenantId, UUID orderId, CustomerOrder order) {
        if (order == null || !order.tenantId().equals(tenantId)) {
            throw DomainException.notFound(ORDER_NOT_FOUND, "Order " + orderId + " does not exist.");
        }
        return order;
    }

    public List<FulfillmentItem> items(UUID orderId) {
        // one query with the dependencies, not one more per item
        return em.createQuery("select distinct i from FulfillmentItem i left join fetch i.dependsOn"
                + " where i.orderId = :order order by i.sequence", FulfillmentItem.class)
                .setParameter("order", orderId).getResultList();
    }

    public Optional<ValidationResult> latestValidation(UUID orderId) {
        return em.createQuery("select v from ValidationResult v where v.orderId = :order order by v.validatedAt desc",
                        ValidationResult.class).setParameter("order", orderId).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The number of another open order of the customer with the same content, if there is one. */
    public String openDuplicate(String tenantId, String customerId, String fingerprint, UUID excluding) {
        return em.createQuery("select o.orderNumber from CustomerOrder o where o.tenantId = :tenant and o.customerId = :customer"
                        + " and o.contentFingerprint = :fingerprint and o.id <> :self and o.status not in :closed", String.class)
                .setParameter("tenant", tenantId).setParameter("customer", customerId)
                .setParameter("fingerprint", fingerprint).setParameter("self", excluding)
                .setParameter("closed", List.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.FAILED))
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** Newest first, keyset-paged on (created_at, order_id). */
    public List<CustomerOrder> list(String tenantId, OrderQuery query, Instant afterCreated, UUID afterId) {
        StringBuilder jpql = new StringBuilder("select o from CustomerOrder o where o.tenantId = :tenant");
        if (query.customerId() != null) {
            jpql.append(" and o.customerId = :customer");
        }
        if (!query.statuses().isEmpty()) {
            jpql.append(" and o.status in :statuses");
        }
        if (query.createdFrom() != null) {
            jpql.append(" and o.createdAt >= :from");
        }
        if (query.createdTo() != null) {
            jpql.append(" and o.createdAt < :to");
        }
        if (afterCreated != null) {
            jpql.append(" and (o.createdAt < :afterCreated or (o.createdAt = :afterCreated and o.id < :afterId))");
        }
        jpql.append(" order by o.createdAt desc, o.id desc");
        TypedQuery<CustomerOrder> q = em.createQuery(jpql.toString(), CustomerOrder.class).setParameter("tenant", tenantId);
        if (query.customerId() != null) {
            q.setParameter("customer", query.customerId());
        }
        if (!query.statuses().isEmpty()) {
            q.setParameter("statuses", query.statuses());
        }
        if (query.createdFrom() != null) {
            q.setParameter("from", query.createdFrom());
        }
        if (query.createdTo() != null) {
            q.setParameter("to", query.createdTo());
        }
        if (afterCreated != null) {
            q.setParameter("afterCreated", afterCreated).setParameter("afterId", afterId);
        }
        return q.setMaxResults(query.limit() + 1).getResultList();
    }

    /** The order's audit entries in the order they were recorded: action, time, actor, correlation, details. */
    @SuppressWarnings("unchecked")
    public List<Object[]> auditTrail(String tenantId, UUID orderId) {
        return em.createNativeQuery("select occurred_at, action, actor, correlation_id, details::text from ordering.audit_entry"
                        + " where tenant_id = ?1 and aggregate_type = 'Order' and aggregate_id = ?2 order by recorded_seq")
                .setParameter(1, tenantId).setParameter(2, orderId.toString()).getResultList();
    }

    /** The order's integration events: id, type, version, occurred, published, correlation, causation, payload. */
    @SuppressWarnings("unchecked")
    public List<Object[]> events(String tenantId, UUID orderId) {
        return em.createNativeQuery("select event_id, event_type, aggregate_version, occurred_at, published_at, correlation_id,"
                        + " causation_id, payload::text from ordering.outbox_event where tenant_id = ?1 and aggregate_id = ?2"
                        + " and destination = 'events' order by occurred_at, aggregate_version")
                .setParameter(1, tenantId).setParameter(2, orderId.toString()).getResultList();
    }

    public void record(AuditEntry entry) {
        em.persist(entry);
    }

    /** Stores an outbox message; after commit the relay is asked to send it at once. */
    public void record(OutboxEvent message) {
        em.persist(message);
        if (transaction.getResource(KICK_REQUESTED) == null) {
            transaction.putResource(KICK_REQUESTED, Boolean.TRUE);
            outboxWritten.fire(new OutboxWritten());
        }
    }

    /** Makes a stale write fail inside the command rather than at commit, and assigns versions. */
    public void flush() {
        em.flush();
    }
}
