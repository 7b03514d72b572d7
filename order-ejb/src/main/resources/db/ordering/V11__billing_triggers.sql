-- Billing triggers (seed 002 section 17, docs/billing.md): the order tells the billing system to start,
-- change, stop, suspend or resume a subscription, or to charge a one-time amount, once a line's
-- fulfillment is complete. One trigger per order line and kind, so a redelivered report or a repeated
-- command never creates a second one. A trigger references the order, the line, the installed-base
-- product (the line's product_id) and the price snapshot, and keeps the line's price as the amounts
-- billed; its status follows the billing system's answer (PENDING -> ACKNOWLEDGED | REJECTED, a
-- rejected or unanswered one sent again as a new attempt when its fallout case is worked).

CREATE TABLE billing_trigger (
    billing_trigger_id uuid           PRIMARY KEY,
    tenant_id          varchar(64)    NOT NULL,
    order_id           uuid           NOT NULL REFERENCES customer_order (order_id),
    order_line_id      uuid           NOT NULL REFERENCES customer_order_line (order_line_id),
    product_id         uuid           NOT NULL,
    customer_id        varchar(80)    NOT NULL,
    account_id         varchar(80),
    kind               varchar(30)    NOT NULL CHECK (kind IN ('START_SUBSCRIPTION', 'CHANGE_SUBSCRIPTION',
                           'STOP_SUBSCRIPTION', 'SUSPEND_SUBSCRIPTION', 'RESUME_SUBSCRIPTION', 'ONE_TIME_CHARGE')),
    effective_date     date           NOT NULL,
    currency           char(3),
    one_time_amount    numeric(18, 4),
    recurring_price    jsonb          NOT NULL,
    price_snapshot_id  uuid,
    status             varchar(20)    NOT NULL CHECK (status IN ('PENDING', 'ACKNOWLEDGED', 'REJECTED')),
    attempt            integer        NOT NULL CHECK (attempt >= 1),
    acknowledgement_due_at timestamptz,
    billing_reference  varchar(200),
    rejection_code     varchar(120),
    rejection_reason   text,
    answered_at        timestamptz,
    entity_version     bigint         NOT NULL DEFAULT 0,
    created_at         timestamptz    NOT NULL,
    updated_at         timestamptz    NOT NULL,
    UNIQUE (order_line_id, kind),
    CHECK ((kind = 'ONE_TIME_CHARGE') = (one_time_amount IS NOT NULL)),
    CHECK ((status = 'ACKNOWLEDGED') = (billing_reference IS NOT NULL)),
    CHECK ((status = 'REJECTED') = (rejection_code IS NOT NULL)),
    CHECK ((status = 'PENDING') = (answered_at IS NULL))
);

CREATE INDEX billing_trigger_order ON billing_trigger (tenant_id, order_id, created_at);
CREATE INDEX billing_trigger_pending ON billing_trigger (tenant_id, acknowledgement_due_at) WHERE status = 'PENDING';

-- A billing fallout case names the trigger it is about.
ALTER TABLE order_fallout_case ADD COLUMN billing_trigger_id uuid REFERENCES billing_trigger (billing_trigger_id);

-- When each line took effect (its items on the billing system done, or all its items without one): the
-- business effective date of its billing triggers and the start or end date of the product it adds or
-- removes. Lines of orders completed before this have their order's completion.
ALTER TABLE customer_order_line ADD COLUMN effective_at timestamptz;
UPDATE customer_order_line l SET effective_at = o.completed_at
  FROM customer_order o WHERE o.order_id = l.order_id AND l.status = 'COMPLETED';
