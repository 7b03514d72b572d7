package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.order.api.BillingTriggerView;
import io.cpqoms.order.api.CustomerOrderView;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.Jeopardy;
import io.cpqoms.order.api.MilestoneView;
import io.cpqoms.order.api.FulfillmentItemView;
import io.cpqoms.order.api.OrderEventLogEntry;
import io.cpqoms.order.api.OrderQuery;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.api.TimelineEntry;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FalloutCase;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.OrderReadModel;
import io.cpqoms.order.domain.ValidationResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The order reads in PostgreSQL: each reads what its view shows and nothing more, without locks. */
@ApplicationScoped
public class JpaOrderReadModel implements OrderReadModel {

    @PersistenceContext(unitName = "ordering")
    private EntityManager em;

    @Override
    public CustomerOrder order(String tenantId, UUID orderId) {
        return JpaOrderRepository.visible(tenantId, orderId, em.find(CustomerOrder.class, orderId));
    }

    @Override
    public OrderView view(String tenantId, UUID orderId) {
        CustomerOrder order = order(tenantId, orderId);
        ValidationResult validation = JpaOrderRepository.latestValidation(em, orderId);
        return order.view(validation == null ? null : validation.view());
    }

    @Override
    public CustomerOrderView customerView(String tenantId, UUID orderId) {
        CustomerOrder order = order(tenantId, orderId);
        return order.customerView(em.createQuery("select f.customerRequest from FalloutCase f where f.orderId = :order"
                        + " and f.status = :waiting order by f.openedAt", String.class).setParameter("order", orderId)
                .setParameter("waiting", FalloutCaseStatus.WAITING_CUSTOMER).getResultList());
    }

    @Override
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
        if (query.jeopardy() != null) {
            jpql.append(" and o.jeopardy = :jeopardy");
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
        if (query.jeopardy() != null) {
            q.setParameter("jeopardy", query.jeopardy());
        }
        if (query.createdTo() != null) {
            q.setParameter("to", query.createdTo());
        }
        if (afterCreated != null) {
            q.setParameter("afterCreated", afterCreated).setParameter("afterId", afterId);
        }
        return q.setMaxResults(query.limit() + 1).getResultList();
    }

    @Override
    public List<FulfillmentItemView> items(String tenantId, UUID orderId) {
        order(tenantId, orderId);
        return JpaOrderRepository.items(em, orderId).stream().map(FulfillmentItem::view).toList();
    }

    @Override
    public List<FalloutCaseView> falloutCases(String tenantId, UUID orderId) {
        order(tenantId, orderId);
        return em.createQuery("select f from FalloutCase f where f.orderId = :order order by f.openedAt, f.id",
                FalloutCase.class).setParameter("order", orderId).getResultList().stream().map(FalloutCase::view).toList();
    }

    @Override
    public List<BillingTriggerView> billingTriggers(String tenantId, UUID orderId) {
        Map<UUID, String> lineNumbers = new HashMap<>();
        order(tenantId, orderId).lines().forEach(l -> lineNumbers.put(l.id(), l.lineNumber()));
        return JpaOrderRepository.billingTriggers(em, orderId).stream().map(t -> t.view(lineNumbers.get(t.orderLineId()))).toList();
    }

    @Override
    public FalloutCaseView falloutCase(String tenantId, UUID caseId) {
        FalloutCase fallout = em.find(FalloutCase.class, caseId);
        if (fallout == null || !fallout.tenantId().equals(tenantId)) {
            throw DomainException.notFound(CustomerOrder.FALLOUT_CASE_NOT_FOUND, "Fallout case " + caseId + " does not exist.");
        }
        return fallout.view(em.find(CustomerOrder.class, fallout.orderId()).jeopardy());
    }

    @Override
    public List<MilestoneView> milestones(String tenantId, UUID orderId) {
        return order(tenantId, orderId).milestoneViews();
    }

    @Override
    public List<FalloutCaseView> falloutWorklist(String tenantId, Set<String> groups, Set<FalloutCaseStatus> statuses,
                                                 Instant afterOpened, UUID afterId, int max) {
        StringBuilder jpql = new StringBuilder("select f, o.jeopardy from FalloutCase f, CustomerOrder o"
                + " where o.id = f.orderId and f.tenantId = :tenant and f.status in :statuses");
        if (groups != null) {
            jpql.append(" and f.ownerGroup in :groups");
        }
        if (afterOpened != null) {
            jpql.append(" and (f.openedAt > :afterOpened or (f.openedAt = :afterOpened and f.id > :afterId))");
        }
        TypedQuery<Object[]> q = em.createQuery(jpql.append(" order by f.openedAt, f.id").toString(), Object[].class)
                .setParameter("tenant", tenantId).setParameter("statuses", statuses).setMaxResults(max);
        if (groups != null) {
            q.setParameter("groups", groups);
        }
        if (afterOpened != null) {
            q.setParameter("afterOpened", afterOpened).setParameter("afterId", afterId);
        }
        return q.getResultList().stream().map(row -> ((FalloutCase) row[0]).view((Jeopardy) row[1])).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<TimelineEntry> auditTrail(String tenantId, UUID orderId) {
        order(tenantId, orderId);
        List<Object[]> rows = em.createNativeQuery("select occurred_at, action, actor, correlation_id, details::text"
                        + " from ordering.audit_entry where tenant_id = ?1 and aggregate_type = 'Order' and aggregate_id = ?2"
                        + " order by recorded_seq")
                .setParameter(1, tenantId).setParameter(2, orderId.toString()).getResultList();
        return rows.stream().map(row -> new TimelineEntry(instant(row[0]), (String) row[1], (String) row[2], (String) row[3],
                Json.read((String) row[4], LinkedHashMap.class))).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<OrderEventLogEntry> events(String tenantId, UUID orderId) {
        order(tenantId, orderId);
        List<Object[]> rows = em.createNativeQuery("select event_id, event_type, aggregate_version, occurred_at, published_at,"
                        + " correlation_id, causation_id, payload::text from ordering.outbox_event where tenant_id = ?1"
                        + " and aggregate_id = ?2 and destination = 'events' order by recorded_seq")
                .setParameter(1, tenantId).setParameter(2, orderId.toString()).getResultList();
        return rows.stream().map(row -> new OrderEventLogEntry((UUID) row[0], (String) row[1], ((Number) row[2]).longValue(),
                instant(row[3]), row[4] == null ? null : instant(row[4]), (String) row[5], (String) row[6],
                Json.read((String) row[7], LinkedHashMap.class))).toList();
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
