package io.cpqoms.catalog.infrastructure;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.Json;
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
 * An integration event written in the same transaction as the change it reports, and relayed to the
 * events topic after commit. The payload carries the event id so consumers can drop duplicates.
 */
@Entity
@Table(name = "outbox_event", schema = "catalog")
public class OutboxEvent {

    @Id
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "event_type")
    private String eventType;
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

    public OutboxEvent(CommandContext context, Instant occurredAt, String eventType, String aggregateType,
                       String aggregateId, long aggregateVersion, Map<String, ?> data) {
        this.eventId = UUID.randomUUID();
        this.tenantId = context.tenantId();
        this.correlationId = context.correlationId();
        this.occurredAt = occurredAt;
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
        envelope.put("data", data);
        this.payload = Json.write(envelope);
    }

    public void markPublished(Instant at) {
        this.publishedAt = at;
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
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
}
