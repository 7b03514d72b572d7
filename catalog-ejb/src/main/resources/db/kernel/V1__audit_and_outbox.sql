-- The shared kernel's tables, one definition for every context: the audit trail (AuditEntry) and the
-- transactional outbox (OutboxEvent, relayed by OutboxRelay). SchemaMigration applies these scripts to
-- each context's schema (catalog, quote, ordering) before the context's own db/<schema> scripts, with
-- their own history table (kernel_schema_history) there. Names are unqualified: Flyway runs them with
-- the context's schema as the search path.

-- One audited command: who, for which tenant, when, under which correlation, what, on which aggregate
-- at which version. recorded_seq is the order the rows were written in (one command may write several
-- entries with the same time and version); the database assigns it, the entity does not map it.
CREATE TABLE audit_entry (
    id                uuid         PRIMARY KEY,
    recorded_seq      bigint       GENERATED ALWAYS AS IDENTITY,
    tenant_id         varchar(64)  NOT NULL,
    occurred_at       timestamptz  NOT NULL,
    actor             varchar(200) NOT NULL,
    correlation_id    varchar(100) NOT NULL,
    action            varchar(100) NOT NULL,
    aggregate_type    varchar(100) NOT NULL,
    aggregate_id      varchar(100) NOT NULL,
    aggregate_version bigint       NOT NULL,
    details           jsonb        NOT NULL
);

CREATE INDEX audit_entry_aggregate ON audit_entry (tenant_id, aggregate_type, aggregate_id, recorded_seq);

-- A message written in the same transaction as the change it reports or asks for. destination names
-- where the relay sends it: 'events' (the integration events topic) or a command queue. recorded_seq is
-- the order the rows were written in (one command may write several messages with the same time and
-- aggregate version): readers and the relay go by it. The database assigns it, the entity does not map it.
CREATE TABLE outbox_event (
    event_id          uuid         PRIMARY KEY,
    recorded_seq      bigint       GENERATED ALWAYS AS IDENTITY,
    tenant_id         varchar(64)  NOT NULL,
    event_type        varchar(100) NOT NULL,
    destination       varchar(40)  NOT NULL DEFAULT 'events',
    aggregate_type    varchar(100) NOT NULL,
    aggregate_id      varchar(100) NOT NULL,
    aggregate_version bigint       NOT NULL,
    occurred_at       timestamptz  NOT NULL,
    correlation_id    varchar(100) NOT NULL,
    causation_id      varchar(100),
    payload           jsonb        NOT NULL,
    published_at      timestamptz
);

-- What the relay claims: the unpublished rows, oldest first.
CREATE INDEX outbox_event_unpublished ON outbox_event (recorded_seq) WHERE published_at IS NULL;

-- One aggregate's messages in the order they were written (an order's event log).
CREATE INDEX outbox_event_aggregate ON outbox_event (tenant_id, aggregate_id, recorded_seq);
