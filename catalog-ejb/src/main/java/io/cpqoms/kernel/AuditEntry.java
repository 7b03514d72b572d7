package io.cpqoms.kernel;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One audited command: who, for which tenant, when, under which correlation, what, on which aggregate
 * at which version. Every context keeps its own {@code audit_entry} table, all of one definition (the
 * kernel's migration {@code db/kernel}, applied to each context's schema by {@link SchemaMigration});
 * the schema comes from the context's persistence unit (its {@code <schema>-orm.xml} mapping file). The
 * table's {@code recorded_seq}, the order entries were written in, is the database's and not mapped.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    private UUID id;
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String actor;
    @Column(name = "correlation_id")
    private String correlationId;
    private String action;
    @Column(name = "aggregate_type")
    private String aggregateType;
    @Column(name = "aggregate_id")
    private String aggregateId;
    @Column(name = "aggregate_version")
    private long aggregateVersion;
    @Convert(converter = JsonText.class)
    private String details;

    protected AuditEntry() {
    }

    public AuditEntry(CommandContext context, Instant occurredAt, String action, String aggregateType,
                      String aggregateId, long aggregateVersion, Map<String, ?> details) {
        this.id = UUID.randomUUID();
        this.tenantId = context.tenantId();
        this.actor = context.actor();
        this.correlationId = context.correlationId();
        this.occurredAt = occurredAt;
        this.action = action;
        this.aggregateType = aggregateType;
        this.aggregateId = aggregateId;
        this.aggregateVersion = aggregateVersion;
        this.details = Json.write(details);
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public String aggregateId() {
        return aggregateId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public String correlationId() {
        return correlationId;
    }

    public long aggregateVersion() {
        return aggregateVersion;
    }

    /** The details as JSON text. */
    public String details() {
        return details;
    }
}
