package io.cpqoms.order.application;

import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.infrastructure.OrderOutboxBatch;
import io.cpqoms.order.infrastructure.Orders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what an order command leaves behind in its transaction: the audit entry, the integration
 * events (seed 000, section 22: order id, number and version, source quote and revision, business
 * key, correlation and causation) and the commands for the next step.
 */
@ApplicationScoped
public class OrderJournal {

    static final String AGGREGATE = "Order";

    @Inject
    private Orders orders;

    /** Flushes first so the entry carries the version this command produced. */
    public void audit(CommandContext context, CustomerOrder order, String action, Instant now, Object... details) {
        orders.flush();
        orders.record(new AuditEntry(context, now, action, AGGREGATE, order.id().toString(), order.entityVersion(),
                map(details)));
    }

    public void event(CommandContext context, CustomerOrder order, String eventType, String causationId, Instant now,
                      Object... data) {
        orders.flush();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", order.id().toString());
        payload.put("orderNumber", order.orderNumber());
        payload.put("businessKey", order.orderNumber());
        payload.put("orderVersion", order.entityVersion());
        payload.put("orderStatus", order.status().name());
        payload.put("customerId", order.customerId());
        if (order.sourceQuoteId() != null) {
            payload.put("sourceQuoteId", order.sourceQuoteId().toString());
            payload.put("sourceQuoteRevision", order.sourceQuoteRevision());
            payload.put("acceptanceId", order.acceptanceId().toString());
        }
        payload.putAll(map(data));
        orders.record(new OutboxEvent(context, now, OutboxEvent.EVENTS, eventType, causationId, AGGREGATE,
                order.id().toString(), order.entityVersion(), payload));
    }

    /** Asks for the order's next step, run in its own transaction after this one commits. */
    public void nextStep(CommandContext context, CustomerOrder order, String step, String causationId, Instant now) {
        orders.record(new OutboxEvent(context, now, OrderOutboxBatch.ORDER_COMMAND, step, causationId, AGGREGATE,
                order.id().toString(), order.entityVersion(), Map.of("orderId", order.id().toString())));
    }

    /** Hands a fulfillment item to the worker queue after commit. */
    public void dispatch(CommandContext context, CustomerOrder order, Object dispatch, String causationId, Instant now) {
        orders.record(new OutboxEvent(context, now, OrderOutboxBatch.FULFILLMENT_ITEM, "fulfillment-item.dispatch",
                causationId, AGGREGATE, order.id().toString(), order.entityVersion(), Map.of("dispatch", dispatch)));
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null) {
                map.put((String) keyValues[i], value instanceof java.util.UUID || value instanceof Enum<?>
                        ? value.toString() : value);
            }
        }
        return map;
    }
}
