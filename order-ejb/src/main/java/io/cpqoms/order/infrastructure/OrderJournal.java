package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.OrderIntegrationEvent;
import io.cpqoms.order.domain.BillingTrigger;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.OrderEvent;
import io.cpqoms.order.domain.ProductAsset;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place an order's recorded events become rows, in the command's transaction: each event's
 * audit entry, and its outbox messages — the fulfillment item it dispatches (queue
 * {@value #FULFILLMENT_ITEM}), its integration event (the events topic; seed 000, section 22: the
 * order's reference fields, then the event's own data from the {@link OrderIntegrationEvent}
 * catalogue), the billing trigger's event it publishes (aggregate {@value #BILLING_TRIGGER}, the
 * trigger's version) and the order step it asks for (queue {@value #ORDER_COMMAND}); and the persistent timer
 * it schedules, created in the same transaction. Rows are written in the
 * order the events happened, in one JDBC batch per table, and carry the version the command produced.
 * After a commit that wrote messages the relay is asked to send them at once.
 */
@ApplicationScoped
public class OrderJournal {

    static final String AGGREGATE = "Order";
    /** The aggregate type of the installed base's audit entries and events. */
    static final String PRODUCT = "ProductInventory";
    /** The aggregate type of the billing triggers' events (their audit entries are the order's). */
    static final String BILLING_TRIGGER = "BillingTrigger";
    /** Outbox destination of dispatched fulfillment items. */
    public static final String FULFILLMENT_ITEM = "fulfillment-item";
    /** Outbox destination of the order's own next steps. */
    public static final String ORDER_COMMAND = "order-command";
    static final String DISPATCH = "fulfillment-item.dispatch";
    private static final String KICK_REQUESTED = OrderJournal.class.getName() + ".kick";
    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "ordering")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Inject
    private Event<OutboxWritten> outboxWritten;

    @EJB
    private OrderTimers timers;

    /** Fired once per transaction that wrote outbox messages; observed after commit. */
    public record OutboxWritten() {
    }

    /** Writes the events of one command on the order (flushed: its version is the one the command produced). */
    void write(CommandContext context, CustomerOrder order, String causationId, List<CustomerOrder.Recorded> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant at = order.updatedAt();
        String aggregateId = order.id().toString();
        long version = order.entityVersion();
        List<AuditEntry> audit = new ArrayList<>();
        List<OutboxEvent> outbox = new ArrayList<>();
        for (CustomerOrder.Recorded recorded : events) {
            OrderEvent event = recorded.event();
            if (event.audited()) {
                audit.add(new AuditEntry(context, at, event.action(), AGGREGATE, aggregateId, version, event.details()));
            }
            FulfillmentDispatch dispatch = event.dispatch();
            if (dispatch != null) {
                outbox.add(new OutboxEvent(context, at, FULFILLMENT_ITEM, DISPATCH, causationId, AGGREGATE, aggregateId,
                        version, dispatch));
            }
            OrderIntegrationEvent published = event.published();
            if (published != null) {
                outbox.add(new OutboxEvent(context, at, OutboxEvent.EVENTS, published.type(), causationId, AGGREGATE,
                        aggregateId, version, data(order, recorded, published)));
            }
            if (event.timer() != null) {
                timers.schedule(event.timer().at(), new OrderTimers.Scheduled(context.tenantId(), context.correlationId(),
                        event.timer().due()));
            }
            for (ProductAsset.Change change : event.productChanges()) {
                ProductAsset product = change.product();
                String productId = product.id().toString();
                audit.add(new AuditEntry(context, at, change.action(), PRODUCT, productId, product.entityVersion(),
                        change.details()));
                Map<String, Object> data = new LinkedHashMap<>();
                components((Record) change.published(), data);
                outbox.add(new OutboxEvent(context, at, OutboxEvent.EVENTS, change.published().type(), causationId, PRODUCT,
                        productId, product.entityVersion(), data));
            }
            BillingTrigger.Published billing = event.billing();
            if (billing != null) {
                Map<String, Object> data = new LinkedHashMap<>();
                components((Record) billing.event(), data);
                outbox.add(new OutboxEvent(context, at, OutboxEvent.EVENTS, billing.event().type(), causationId, BILLING_TRIGGER,
                        billing.trigger().id().toString(), billing.trigger().entityVersion(), data));
            }
            if (event.nextStep() != null) {
                outbox.add(new OutboxEvent(context, at, ORDER_COMMAND, event.nextStep(), causationId, AGGREGATE, aggregateId,
                        version, Map.of("orderId", aggregateId)));
            }
        }
        insert(audit, outbox);
    }

    /** An audit entry outside any order command: a refused attempt. */
    void audit(AuditEntry entry) {
        insert(List.of(entry), List.of());
    }

    /** The order's reference fields, then the event's own, without absent values. */
    private static Map<String, Object> data(CustomerOrder order, CustomerOrder.Recorded recorded,
                                            OrderIntegrationEvent published) {
        Map<String, Object> data = new LinkedHashMap<>();
        components(new OrderIntegrationEvent.OrderReference(order.id(), order.orderNumber(), order.orderNumber(),
                order.entityVersion(), recorded.status(), order.customerId(), order.sourceQuoteId(),
                order.sourceQuoteRevision(), order.acceptanceId()), data);
        components((Record) published, data);
        return data;
    }

    private static void components(Record record, Map<String, Object> into) {
        for (RecordComponent component : COMPONENTS.computeIfAbsent(record.getClass(), Class::getRecordComponents)) {
            try {
                Object value = component.getAccessor().invoke(record);
                if (value != null) {
                    into.put(component.getName(), value);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("unreadable event component " + component, e);
            }
        }
    }

    private void insert(List<AuditEntry> audit, List<OutboxEvent> outbox) {
        Connection connection = em.unwrap(Connection.class);
        try {
            try (PreparedStatement insert = connection.prepareStatement("insert into ordering.audit_entry (id, tenant_id,"
                    + " occurred_at, actor, correlation_id, action, aggregate_type, aggregate_id, aggregate_version, details)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                for (AuditEntry entry : audit) {
                    insert.setObject(1, entry.id());
                    insert.setString(2, entry.tenantId());
                    insert.setObject(3, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC));
                    insert.setString(4, entry.actor());
                    insert.setString(5, entry.correlationId());
                    insert.setString(6, entry.action());
                    insert.setString(7, entry.aggregateType());
                    insert.setString(8, entry.aggregateId());
                    insert.setLong(9, entry.aggregateVersion());
                    insert.setString(10, entry.details());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (outbox.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into ordering.outbox_event (event_id,"
                    + " tenant_id, event_type, destination, aggregate_type, aggregate_id, aggregate_version, occurred_at,"
                    + " correlation_id, causation_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
                for (OutboxEvent message : outbox) {
                    insert.setObject(1, message.eventId());
                    insert.setString(2, message.tenantId());
                    insert.setString(3, message.eventType());
                    insert.setString(4, message.destination());
                    insert.setString(5, message.aggregateType());
                    insert.setString(6, message.aggregateId());
                    insert.setLong(7, message.aggregateVersion());
                    insert.setObject(8, OffsetDateTime.ofInstant(message.occurredAt(), ZoneOffset.UTC));
                    insert.setString(9, message.correlationId());
                    insert.setString(10, message.causationId());
                    insert.setString(11, message.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the order journal could not be written", e);
        }
        if (transaction.getResource(KICK_REQUESTED) == null) {
            transaction.putResource(KICK_REQUESTED, Boolean.TRUE);
            outboxWritten.fire(new OutboxWritten());
        }
    }
}
