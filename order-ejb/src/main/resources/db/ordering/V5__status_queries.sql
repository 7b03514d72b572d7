-- How often the responsible system was asked what became of an item's request whose outcome is
-- unknown (sent, never answered); the polls run on persistent EJB timers within a budget.
ALTER TABLE fulfillment_item ADD COLUMN status_query_count integer NOT NULL DEFAULT 0;
