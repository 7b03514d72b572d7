-- The remaining fallout commands (seed 000, section 17). A case that waits on someone (the customer's
-- answer to a request for information, the escalation desk) has a due time and a persistent timer
-- that escalates it when nobody answered by then; escalations raise the severity and are counted.
ALTER TABLE order_fallout_case
    ADD COLUMN due_at           timestamptz,
    ADD COLUMN customer_request text,
    ADD COLUMN escalation_count integer NOT NULL DEFAULT 0;

-- The customer view asks which cases wait for the customer.
CREATE INDEX order_fallout_case_waiting_customer ON order_fallout_case (order_id) WHERE status = 'WAITING_CUSTOMER';
