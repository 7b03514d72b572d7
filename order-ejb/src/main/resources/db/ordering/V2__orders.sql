-- The order context (seed 000, section 23): order header, commercial order line tree, validation
-- results, the fulfillment plan with its dependencies, capture requests (idempotency). The audit trail
-- and outbox (audit_entry, outbox_event) are the shared kernel's tables, created in this schema by
-- db/kernel before these scripts run.

CREATE SEQUENCE order_number_seq;

CREATE TABLE customer_order (
    order_id                  uuid          PRIMARY KEY,
    tenant_id                 varchar(64)   NOT NULL,
    order_number              varchar(80)   NOT NULL,
    order_type                varchar(40)   NOT NULL,
    status                    varchar(40)   NOT NULL CHECK (status IN ('CAPTURED', 'VALIDATING', 'VALIDATED', 'HELD',
                                  'IN_PROGRESS', 'FALLOUT', 'COMPLETED', 'CANCELLING', 'CANCELLED', 'FAILED')),
    customer_id               varchar(80)   NOT NULL,
    account_id                varchar(80),
    catalog_version_id        uuid          NOT NULL,
    source_quote_id           uuid,
    source_quote_number       varchar(80),
    source_quote_revision     integer,
    acceptance_id             uuid,
    accepted_at               timestamptz,
    accepted_by               varchar(200),
    requested_start_date      date,
    requested_completion_date date,
    committed_completion_date date,
    priority                  varchar(30)   NOT NULL,
    process_instance_id       varchar(80),
    currency                  char(3),
    one_time_total            numeric(18, 4),
    price_snapshot            jsonb,
    content_fingerprint       varchar(64)   NOT NULL,
    created_by                varchar(200)  NOT NULL,
    entity_version            bigint        NOT NULL DEFAULT 0,
    created_at                timestamptz   NOT NULL,
    updated_at                timestamptz   NOT NULL,
    completed_at              timestamptz,
    UNIQUE (tenant_id, order_number),
    UNIQUE (tenant_id, acceptance_id),
    CONSTRAINT customer_order_source_quote_complete
        CHECK ((source_quote_id IS NULL) = (source_quote_revision IS NULL AND acceptance_id IS NULL))
);

CREATE INDEX customer_order_listing ON customer_order (tenant_id, created_at DESC, order_id DESC);
CREATE INDEX customer_order_customer ON customer_order (tenant_id, customer_id, created_at DESC);
CREATE INDEX customer_order_fingerprint ON customer_order (tenant_id, customer_id, content_fingerprint);

-- The source quote evidence never changes once the order exists, whatever path a write takes.
CREATE FUNCTION customer_order_source_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF NEW.source_quote_id IS DISTINCT FROM OLD.source_quote_id
        OR NEW.source_quote_number IS DISTINCT FROM OLD.source_quote_number
        OR NEW.source_quote_revision IS DISTINCT FROM OLD.source_quote_revision
        OR NEW.acceptance_id IS DISTINCT FROM OLD.acceptance_id
        OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
        OR NEW.order_number IS DISTINCT FROM OLD.order_number THEN
        RAISE EXCEPTION 'order % keeps its source quote, acceptance, tenant and number', OLD.order_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER customer_order_source_immutable
    BEFORE UPDATE ON customer_order
    FOR EACH ROW EXECUTE FUNCTION customer_order_source_immutable();

CREATE TABLE customer_order_line (
    order_line_id          uuid           PRIMARY KEY,
    order_id               uuid           NOT NULL REFERENCES customer_order (order_id),
    -- deferred: the lines of one tree are inserted in one statement batch, in no guaranteed order
    parent_order_line_id   uuid           REFERENCES customer_order_line (order_line_id) DEFERRABLE INITIALLY DEFERRED,
    source_quote_line_id   uuid,
    line_number            varchar(40)    NOT NULL,
    action                 varchar(30)    NOT NULL,
    status                 varchar(40)    NOT NULL,
    fulfillment_status     varchar(40)    NOT NULL,
    product_offering_id    varchar(120)   NOT NULL,
    product_offering_name  varchar(200)   NOT NULL,
    product_spec_id        varchar(120),
    quantity               numeric(18, 6) NOT NULL,
    configuration_snapshot jsonb          NOT NULL,
    price_snapshot         jsonb,
    sort_order             integer        NOT NULL,
    created_at             timestamptz    NOT NULL,
    updated_at             timestamptz    NOT NULL,
    UNIQUE (order_id, line_number)
);

CREATE INDEX customer_order_line_order ON customer_order_line (order_id, sort_order);

CREATE TABLE order_validation_result (
    validation_result_id uuid         PRIMARY KEY,
    order_id             uuid         NOT NULL REFERENCES customer_order (order_id),
    status               varchar(20)  NOT NULL CHECK (status IN ('PASSED', 'FAILED')),
    checks_performed     jsonb        NOT NULL,
    checks               jsonb        NOT NULL,
    validated_at         timestamptz  NOT NULL,
    validated_by         varchar(200) NOT NULL
);

CREATE INDEX order_validation_result_order ON order_validation_result (order_id, validated_at DESC);

CREATE TABLE fulfillment_item (
    fulfillment_item_id uuid          PRIMARY KEY,
    order_id            uuid          NOT NULL REFERENCES customer_order (order_id),
    order_line_id       uuid          REFERENCES customer_order_line (order_line_id) DEFERRABLE INITIALLY DEFERRED,
    sequence            integer       NOT NULL,
    item_type           varchar(80)   NOT NULL,
    responsible_system  varchar(80)   NOT NULL,
    action              varchar(40)   NOT NULL,
    status              varchar(40)   NOT NULL,
    input_payload       jsonb         NOT NULL,
    result_payload      jsonb,
    retry_count         integer       NOT NULL,
    max_retry_count     integer       NOT NULL,
    attempt_group       integer       NOT NULL,
    external_request_id varchar(200),
    external_reference  varchar(200),
    compensation_action varchar(80),
    failure_code        varchar(80),
    failure_message     text,
    dispatched_at       timestamptz,
    completed_at        timestamptz,
    entity_version      bigint        NOT NULL DEFAULT 0,
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    UNIQUE (order_id, sequence)
);

CREATE TABLE fulfillment_item_dependency (
    fulfillment_item_id uuid NOT NULL REFERENCES fulfillment_item (fulfillment_item_id) DEFERRABLE INITIALLY DEFERRED,
    depends_on_item_id  uuid NOT NULL REFERENCES fulfillment_item (fulfillment_item_id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (fulfillment_item_id, depends_on_item_id),
    CHECK (fulfillment_item_id <> depends_on_item_id)
);

-- One row per idempotency claim: the acceptance a quote conversion uses, or a caller's
-- Idempotency-Key. The primary key serialises concurrent identical requests onto one order.
CREATE TABLE capture_request (
    tenant_id           varchar(64)  NOT NULL,
    request_key         varchar(240) NOT NULL,
    order_id            uuid         NOT NULL,
    request_fingerprint varchar(64)  NOT NULL,
    created_at          timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, request_key)
);
