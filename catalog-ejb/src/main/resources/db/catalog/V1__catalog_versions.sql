-- The catalog context: versioned catalogs. Its audit trail and outbox (audit_entry, outbox_event) are the
-- shared kernel's tables, created in this schema by db/kernel before these scripts run.

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
