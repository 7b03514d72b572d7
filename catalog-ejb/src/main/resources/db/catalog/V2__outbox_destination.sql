-- Outbox rows name their JMS destination: 'events' (the integration events topic) or a command queue.
ALTER TABLE outbox_event ADD COLUMN destination varchar(40) NOT NULL DEFAULT 'events';
