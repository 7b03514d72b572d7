-- Time against the catalog's expected durations (seed 000, section 31). An item is expected done by its
-- expected duration after it is sent, and is overdue (jeopardy) once that passes with its work still
-- out; one timer per order watches the earliest expectation of an item still out. The order is
-- committed to a completion date at planning (its plan's critical path) and is in jeopardy when that
-- nears (WARNING) or passes (BREACH), until it completes or is cancelled. Milestones are recorded once
-- each, with when they were reached.
ALTER TABLE fulfillment_item
    ADD COLUMN expected_duration_ms bigint CHECK (expected_duration_ms > 0),
    ADD COLUMN milestone            varchar(40),
    ADD COLUMN expected_by          timestamptz,
    ADD COLUMN overdue_since        timestamptz;

ALTER TABLE customer_order
    ADD COLUMN committed_completion_at timestamptz,
    ADD COLUMN jeopardy                varchar(20) CHECK (jeopardy IN ('WARNING', 'BREACH')),
    ADD COLUMN jeopardy_raised_at      timestamptz,
    ADD COLUMN completion_warned_at    timestamptz,
    ADD COLUMN expectation_due_at      timestamptz,
    ADD COLUMN milestones              jsonb;

-- Operations look for the orders in jeopardy.
CREATE INDEX customer_order_jeopardy ON customer_order (tenant_id, jeopardy) WHERE jeopardy IS NOT NULL;
