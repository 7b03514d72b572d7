-- The quote context: quotes with their item tree, stored price snapshot and acceptance evidence. Their
-- audit trail and outbox (audit_entry, outbox_event) are the shared kernel's tables, created in this
-- schema by db/kernel before these scripts run.

-- Quote numbers (Q-000123) are unique per tenant; one sequence serves every tenant, gaps are harmless.
CREATE SEQUENCE quote_number_seq;

CREATE TABLE quote (
    id                         uuid         PRIMARY KEY,
    tenant_id                  varchar(64)  NOT NULL,
    entity_version             bigint       NOT NULL DEFAULT 0,
    quote_number               varchar(20)  NOT NULL,
    revision                   integer      NOT NULL CHECK (revision >= 1),
    status                     varchar(16)  NOT NULL CHECK (status IN ('DRAFT', 'PRICED', 'ACCEPTED')),
    customer_id                varchar(100) NOT NULL,
    account_id                 varchar(100),
    channel                    varchar(100) NOT NULL,
    -- The published catalog version the quote is configured and priced with.
    catalog_version_id         uuid         NOT NULL,
    valid_until                date         NOT NULL,
    -- The stored price: lines, charges, totals, currency. Acceptance and orders use it, never a recalculation.
    price_snapshot             jsonb,
    -- Acceptance evidence: which revision with which price snapshot, who at the customer, recorded by whom, when.
    acceptance_id              uuid,
    accepted_revision          integer,
    accepted_price_snapshot_id uuid,
    customer_contact           varchar(200),
    evidence_reference         varchar(500),
    accepted_by                varchar(200),
    accepted_at                timestamptz,
    created_by                 varchar(200) NOT NULL,
    created_at                 timestamptz  NOT NULL,
    updated_at                 timestamptz  NOT NULL,
    CONSTRAINT quote_number_unique UNIQUE (tenant_id, quote_number),
    CONSTRAINT quote_acceptance_unique UNIQUE (tenant_id, acceptance_id),
    -- A draft has no price; a priced or accepted quote has its snapshot.
    CONSTRAINT quote_priced_has_snapshot CHECK ((status = 'DRAFT') = (price_snapshot IS NULL)),
    -- An accepted quote, and only an accepted one, carries complete acceptance evidence.
    CONSTRAINT quote_acceptance_recorded CHECK ((status = 'ACCEPTED') = (
        acceptance_id IS NOT NULL AND accepted_revision IS NOT NULL AND accepted_price_snapshot_id IS NOT NULL
        AND customer_contact IS NOT NULL AND accepted_by IS NOT NULL AND accepted_at IS NOT NULL))
);

CREATE INDEX quote_tenant_customer ON quote (tenant_id, customer_id);

CREATE TABLE quote_item (
    id                       uuid          PRIMARY KEY,
    quote_id                 uuid          NOT NULL REFERENCES quote (id),
    -- Deferred: the rows of one item tree are inserted in one flush, in no guaranteed order.
    parent_item_id           uuid          REFERENCES quote_item (id) DEFERRABLE INITIALLY DEFERRED,
    line_number              varchar(40)   NOT NULL,
    sort_order               integer       NOT NULL,
    offering_id              text          NOT NULL,
    offering_name            text          NOT NULL,
    product_specification_id text          NOT NULL,
    quantity                 numeric(18,6) NOT NULL CHECK (quantity > 0),
    -- Every characteristic value of the configured product (defaults applied), as the catalog accepted it.
    characteristics          jsonb         NOT NULL,
    CONSTRAINT quote_item_line_number_unique UNIQUE (quote_id, line_number),
    CONSTRAINT quote_item_sort_order_unique UNIQUE (quote_id, sort_order)
);

CREATE INDEX quote_item_parent ON quote_item (parent_item_id);

-- An accepted quote is evidence: the database refuses to change or remove it or its items, whatever
-- path a write takes. Functions name their tables with the schema: they run under the caller's search_path.
CREATE FUNCTION quote_accepted_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF OLD.status = 'ACCEPTED' THEN
        RAISE EXCEPTION 'quote % is accepted and immutable', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER quote_accepted_immutable
    BEFORE UPDATE OR DELETE ON quote
    FOR EACH ROW EXECUTE FUNCTION quote_accepted_immutable();

CREATE FUNCTION quote_item_of_accepted_quote_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    owning_quote uuid;
BEGIN
    IF TG_OP = 'INSERT' THEN
        owning_quote := NEW.quote_id;
    ELSE
        owning_quote := OLD.quote_id;
    END IF;
    IF EXISTS (SELECT 1 FROM quote.quote q WHERE q.id = owning_quote AND q.status = 'ACCEPTED') THEN
        RAISE EXCEPTION 'quote % is accepted; its items are immutable', owning_quote
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER quote_item_of_accepted_quote_immutable
    BEFORE INSERT OR UPDATE OR DELETE ON quote_item
    FOR EACH ROW EXECUTE FUNCTION quote_item_of_accepted_quote_immutable();
