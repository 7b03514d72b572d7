-- The catalog context: versioned catalogs, their audit trail and their outbox.

CREATE TABLE catalog_version (
    id                  uuid         PRIMARY KEY,
    tenant_id           varchar(64)  NOT NULL,
    entity_version      bigint       NOT NULL DEFAULT 0,
    name                varchar(200) NOT NULL,
    description         text,
    status              varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    source_version_id   uuid         REFERENCES catalog_version (id),
    -- The whole catalog document: specifications, characteristics, offerings, prices, relationships.
    content             jsonb        NOT NULL,
    specification_count integer      NOT NULL,
    offering_count      integer      NOT NULL,
    created_at          timestamptz  NOT NULL,
    created_by          varchar(200) NOT NULL,
    updated_at          timestamptz  NOT NULL,
    published_at        timestamptz,
    published_by        varchar(200),
    CONSTRAINT catalog_version_published_stamp
        CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL AND published_by IS NOT NULL))
);

CREATE INDEX catalog_version_tenant_status ON catalog_version (tenant_id, status, published_at DESC);

-- A published version is what quotes and orders pin: the database refuses to change or remove it,
-- whatever path a write takes.
CREATE FUNCTION catalog_version_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'catalog version % is published and immutable', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER catalog_version_immutable
    BEFORE UPDATE OR DELETE ON catalog_version
    FOR EACH ROW EXECUTE FUNCTION catalog_version_immutable();

CREATE TABLE audit_entry (
    id               uuid         PRIMARY KEY,
    tenant_id        varchar(64)  NOT NULL,
    occurred_at      timestamptz  NOT NULL,
    actor            varchar(200) NOT NULL,
    correlation_id   varchar(100) NOT NULL,
    action           varchar(100) NOT NULL,
    aggregate_type   varchar(100) NOT NULL,
    aggregate_id     varchar(100) NOT NULL,
    aggregate_version bigint      NOT NULL,
    details          jsonb        NOT NULL
);

CREATE INDEX audit_entry_aggregate ON audit_entry (tenant_id, aggregate_type, aggregate_id, occurred_at);

CREATE TABLE outbox_event (
    event_id          uuid         PRIMARY KEY,
    tenant_id         varchar(64)  NOT NULL,
    event_type        varchar(100) NOT NULL,
    aggregate_type    varchar(100) NOT NULL,
    aggregate_id      varchar(100) NOT NULL,
    aggregate_version bigint       NOT NULL,
    occurred_at       timestamptz  NOT NULL,
    correlation_id    varchar(100) NOT NULL,
    causation_id      varchar(100),
    payload           jsonb        NOT NULL,
    published_at      timestamptz
);

CREATE INDEX outbox_event_unpublished ON outbox_event (occurred_at) WHERE published_at IS NULL;
