package io.cpqoms.kernel;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A message written in the same transaction as the change it reports or asks for, and relayed to JMS
 * after commit by {@link OutboxRelay}: integration events go to the events topic, commands (an item
 * dispatched to fulfillment, the next step of an order) to their queue. The payload envelope carries
 * the message id so consumers can drop duplicates, and the causation id names the message or request
 * that caused this one; its data is a map or a record. Every context keeps its own {@code outbox_event} table, all of one definition
 * (the kernel's migration {@code db/kernel}, applied to each context's schema by {@link SchemaMigration}).
 * The table's {@code recorded_seq}, the order messages were written in, is assigned by the database and
 * not mapped: the relay and readers order by it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** The destination of integration events. */
    public static final String EVENTS = "events";

    @Id
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "event_type")
    private String eventType;
    private String destination;
    @Column(name = "aggregate_type")
    private String aggregateType;
    @Column(name = "aggregate_id")
    private String aggregateId;
    @Column(name = "aggregate_version")
    private long aggregateVersion;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Column(name = "correlation_id")
    private String correlationId;
    @Column(name = "causation_id")
    private String causationId;
    @Convert(converter = JsonText.class)
    private String payload;
    @Column(name = "published_at")
    private Instant publishedAt;

    protected OutboxEvent() {
    }

    /** An integration event for the events topic. */
    public OutboxEvent(CommandContext context, Instant occurredAt, String eventType, String aggregateType,
                       String aggregateId, long aggregateVersion, Map<String, ?> data) {
        this(context, occurredAt, EVENTS, eventType, null, aggregateType, aggregateId, aggregateVersion, data);
    }

    public OutboxEvent(CommandContext context, Instant occurredAt, String destination, String eventType,
                       String causationId, String aggregateType, String aggregateId, long aggregateVersion,
                       Object data) {
        this.eventId = UUID.randomUUID();
        this.tenantId = context.tenantId();
        this.correlationId = context.correlationId();
        this.causationId = causationId;
        this.occurredAt = occurredAt;
        this.destination = destination;
        this.eventType = eventType;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.aggregateVersion = aggregateVersion;
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId.toString());
        envelope.put("eventType", eventType);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("tenantId", tenantId);
        envelope.put("correlationId", correlationId);
        envelope.put("causationId", causationId);
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", aggregateId);
        envelope.put("aggregateVersion", aggregateVersion);
        envelope.put("data", data);
        this.payload = Json.write(envelope);
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public String destination() {
        return destination;
    }

    public String tenantId() {
        return tenantId;
    }

    public String correlationId() {
        return correlationId;
    }

    public String payload() {
        return payload;
    }

    public String causationId() {
        return causationId;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public long aggregateVersion() {
        return aggregateVersion;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
