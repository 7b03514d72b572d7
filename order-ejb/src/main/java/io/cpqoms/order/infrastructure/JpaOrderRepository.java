package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.application.OrderSettings;
import io.cpqoms.order.domain.BillingTrigger;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FalloutCase;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.OrderRepository;
import io.cpqoms.order.domain.ProductInventory;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.order.domain.ValidationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The order aggregates in PostgreSQL through JPA. An order is loaded in five statements whatever its
 * size (the header locked, its lines, its items with their dependencies in one join, its cases, its
 * billing triggers) plus its latest validation result, and gets the stack's billing settings; saving flushes the changes, inserts what the command created after the
 * order it belongs to, and journals the recorded events in the same transaction.
 */
@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {

    @PersistenceContext(unitName = "ordering")
    private EntityManager em;

    @Inject
    private OrderJournal journal;

    @Inject
    private ProductInventory inventory;

    @Override
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

    @Override
    public String nextOrderNumber(Instant now) {
        Number next = (Number) em.createNativeQuery("select nextval('ordering.order_number_seq')").getSingleResult();
        return String.format("ORD-%d-%07d", now.atZone(ZoneOffset.UTC).getYear(), next.longValue());
    }

    @Override
    public String openDuplicate(String tenantId, String customerId, String fingerprint, UUID excluding) {
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                .setParameter(1, tenantId + "|" + customerId + "|" + fingerprint).getSingleResult();
        return em.createQuery("select o.orderNumber from CustomerOrder o where o.tenantId = :tenant and o.customerId = :customer"
                        + " and o.contentFingerprint = :fingerprint and o.id <> :self and o.status not in :closed", String.class)
                .setParameter("tenant", tenantId).setParameter("customer", customerId)
                .setParameter("fingerprint", fingerprint).setParameter("self", excluding)
                .setParameter("closed", List.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.FAILED))
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    @Override
    public Map<UUID, String> openOrdersActingOn(String tenantId, Collection<UUID> productIds) {
        Map<UUID, String> open = new LinkedHashMap<>();
        if (productIds.isEmpty()) {
            return open;
        }
        // in one order, so that two captures locking overlapping products cannot deadlock
        for (UUID productId : new java.util.TreeSet<>(productIds)) {
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(?1, 0))) locked")
                    .setParameter(1, "product|" + productId).getSingleResult();
        }
        List<Object[]> rows = em.createQuery("select l.productId, o.orderNumber from OrderLine l join l.order o"
                        + " where o.tenantId = :tenant and l.productId in :products and l.action <> :add"
                        + " and o.status not in :closed", Object[].class)
                .setParameter("tenant", tenantId).setParameter("products", List.copyOf(productIds))
                .setParameter("add", io.cpqoms.catalog.api.LineAction.ADD)
                .setParameter("closed", List.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.FAILED))
                .getResultList();
        rows.forEach(r -> open.putIfAbsent((UUID) r[0], (String) r[1]));
        return open;
    }

    @Override
    public boolean exists(String tenantId, UUID orderId) {
        return !em.createQuery("select o.id from CustomerOrder o where o.id = :id and o.tenantId = :tenant", UUID.class)
                .setParameter("id", orderId).setParameter("tenant", tenantId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public CustomerOrder lock(String tenantId, UUID orderId) {
        CustomerOrder order = visible(tenantId, orderId, em.find(CustomerOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE));
        order.loaded(items(em, orderId), em.createQuery("select f from FalloutCase f where f.orderId = :order"
                        + " order by f.openedAt, f.id", FalloutCase.class).setParameter("order", orderId).getResultList(),
                () -> latestValidation(em, orderId), billingTriggers(em, orderId));
        order.billingPolicy(OrderSettings.billing());
        if (order.orderType() != OrderType.NEW) {
            order.productsLoaded(inventory.products(tenantId, order.actedOnProducts()));
        }
        return order;
    }

    @Override
    public UUID orderOfBillingTrigger(String tenantId, UUID triggerId) {
        return em.createQuery("select t.orderId from BillingTrigger t where t.id = :id and t.tenantId = :tenant", UUID.class)
                .setParameter("id", triggerId).setParameter("tenant", tenantId).getResultStream().findFirst()
                .orElseThrow(() -> DomainException.notFound(BillingTrigger.BILLING_TRIGGER_NOT_FOUND,
                        "Billing trigger " + triggerId + " does not exist."));
    }

    @Override
    public void save(CustomerOrder order, CommandContext context, String causationId) {
        if (!em.contains(order)) {
            em.persist(order);
            em.flush(); // the order's row before the rows that refer to it
        }
        order.takeCreated().forEach(em::persist);
        em.flush();
        journal.write(context, order, causationId, order.takeEvents());
    }

    @Override
    public void accessDenied(CommandContext context, String orderId, String attemptedAction, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attemptedAction", attemptedAction);
        if (reason != null) {
            details.put("reason", reason);
        }
        journal.audit(new AuditEntry(context, Instant.now(), "ACCESS_DENIED", OrderJournal.AGGREGATE,
                orderId == null ? "-" : orderId, 0, details));
    }

    static CustomerOrder visible(String tenantId, UUID orderId, CustomerOrder order) {
        if (order == null || !order.tenantId().equals(tenantId)) {
            throw DomainException.notFound(ORDER_NOT_FOUND, "Order " + orderId + " does not exist.");
        }
        return order;
    }

    /** The plan's items with their dependencies, in one query rather than one more per item. */
    static List<FulfillmentItem> items(EntityManager em, UUID orderId) {
        return em.createQuery("select distinct i from FulfillmentItem i left join fetch i.dependsOn"
                + " where i.orderId = :order order by i.sequence", FulfillmentItem.class)
                .setParameter("order", orderId).getResultList();
    }

    /** The order's billing triggers, oldest first. */
    static List<BillingTrigger> billingTriggers(EntityManager em, UUID orderId) {
        return em.createQuery("select t from BillingTrigger t where t.orderId = :order order by t.createdAt, t.kind",
                BillingTrigger.class).setParameter("order", orderId).getResultList();
    }

    static ValidationResult latestValidation(EntityManager em, UUID orderId) {
        return em.createQuery("select v from ValidationResult v where v.orderId = :order order by v.validatedAt desc",
                        ValidationResult.class).setParameter("order", orderId).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }
}
