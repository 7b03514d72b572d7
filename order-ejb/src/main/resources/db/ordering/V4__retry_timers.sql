-- When an item's request goes to its system again after a retryable failure (a persistent EJB timer
-- fires then); null when no retry waits.
ALTER TABLE fulfillment_item ADD COLUMN next_attempt_at timestamptz;
