-- The quote context owns this schema: quotes, revisions, approvals and acceptance evidence.
COMMENT ON SCHEMA quote IS 'CPQ quote context: quotes, revisions, approvals, acceptance';
