-- Messages that exhausted their redeliveries (seed 000, section 38: nothing waits silently). They are
-- taken off the broker's dead message queue, which keeps only so many and drops the oldest, and kept
-- here as evidence, once each by message id: where they were sent, what they were, why they died,
-- their properties and body. A message of an order also opened a fallout case on its item or order.
CREATE TABLE dead_letter (
    message_id          varchar(200) PRIMARY KEY,
    destination         varchar(200) NOT NULL,
    message_type        varchar(200),
    tenant_id           varchar(64),
    correlation_id      varchar(200),
    order_id            uuid,
    fulfillment_item_id uuid,
    reason              text,
    delivery_count      integer      NOT NULL,
    dead_lettered_at    timestamptz  NOT NULL,
    properties          jsonb        NOT NULL,
    body                text,
    kept_at             timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX dead_letter_order ON dead_letter (tenant_id, order_id) WHERE order_id IS NOT NULL;
CREATE INDEX dead_letter_kept ON dead_letter (kept_at);
