-- Interventions on an order (seed 000, sections 16-19 and 37): fallout cases, validation overrides,
-- cancellation with compensation, forced completion.

-- A fallout case: an order that cannot go on by itself and needs a person (section 17). At most one
-- open case per fulfillment item; a case without an item concerns the whole order (decomposition).
CREATE TABLE order_fallout_case (
    fallout_case_id     uuid         PRIMARY KEY,
    tenant_id           varchar(64)  NOT NULL,
    order_id            uuid         NOT NULL REFERENCES customer_order (order_id),
    order_line_id       uuid         REFERENCES customer_order_line (order_line_id),
    fulfillment_item_id uuid         REFERENCES fulfillment_item (fulfillment_item_id),
    status              varchar(40)  NOT NULL CHECK (status IN ('OPEN', 'ASSIGNED', 'IN_REVIEW', 'WAITING_CUSTOMER',
                            'WAITING_EXTERNAL', 'RESOLVED', 'CANCELLED', 'ESCALATED')),
    severity            varchar(20)  NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    reason_code         varchar(80)  NOT NULL,
    description         text         NOT NULL,
    owner_group         varchar(120) NOT NULL,
    owner_user_id       varchar(120),
    opened_at           timestamptz  NOT NULL,
    resolved_at         timestamptz,
    resolved_by         varchar(200),
    resolution_code     varchar(80),
    resolution_note     text,
    entity_version      bigint       NOT NULL DEFAULT 0,
    CHECK ((status IN ('RESOLVED', 'CANCELLED')) = (resolved_at IS NOT NULL AND resolution_code IS NOT NULL))
);

CREATE INDEX order_fallout_case_order ON order_fallout_case (tenant_id, order_id, opened_at);
CREATE INDEX order_fallout_case_open ON order_fallout_case (tenant_id, owner_group, opened_at)
    WHERE status NOT IN ('RESOLVED', 'CANCELLED');
CREATE UNIQUE INDEX order_fallout_case_one_open_per_item ON order_fallout_case (fulfillment_item_id)
    WHERE status NOT IN ('RESOLVED', 'CANCELLED');

-- A supervisor's override of a validation result's blockers: who, when, why.
ALTER TABLE order_validation_result
    ADD COLUMN overridden_by   varchar(200),
    ADD COLUMN overridden_at   timestamptz,
    ADD COLUMN override_reason text,
    ADD CONSTRAINT order_validation_result_override_complete
        CHECK ((overridden_by IS NULL) = (overridden_at IS NULL) AND (overridden_by IS NULL) = (override_reason IS NULL));

-- Cancellation (section 18): who asked, why, on whose initiative.
ALTER TABLE customer_order
    ADD COLUMN cancellation_requested_by varchar(200),
    ADD COLUMN cancellation_requested_at timestamptz,
    ADD COLUMN cancellation_reason       text,
    ADD COLUMN cancellation_initiator    varchar(20) CHECK (cancellation_initiator IN ('CUSTOMER', 'INTERNAL'));

-- Compensation (section 19): the reference the responsible system gave the reversal.
ALTER TABLE fulfillment_item
    ADD COLUMN compensation_reference varchar(200),
    ADD COLUMN compensated_at         timestamptz;
