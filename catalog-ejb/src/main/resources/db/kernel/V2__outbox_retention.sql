-- Published outbox rows are removed after a retention period (OutboxRetention), oldest first and in
-- batches: this index finds them without reading the unpublished ones. Audit rows stay: they are evidence.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
