-- Issue 13, the read models of seed 002 §23: the quote search and the approver's queue are keyset
-- paged on these indexes; each list's order ends in the id, so a page boundary is exact.

-- Quote search, newest first, within a tenant: all quotes, by customer, by status, by owner.
-- (tenant_id, customer_id, ...) replaces V2's quote_tenant_customer, which it covers.
DROP INDEX quote_tenant_customer;
CREATE INDEX quote_search_newest ON quote (tenant_id, created_at DESC, id DESC);
CREATE INDEX quote_search_customer ON quote (tenant_id, customer_id, created_at DESC, id DESC);
CREATE INDEX quote_search_status ON quote (tenant_id, status, created_at DESC, id DESC);
CREATE INDEX quote_search_owner ON quote (tenant_id, created_by, created_at DESC, id DESC);
-- Open quotes of a tenant by the end of their validity, soonest first (expiringBefore).
CREATE INDEX quote_search_expiring ON quote (tenant_id, valid_until, id)
    WHERE status IN ('DRAFT', 'PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED');

-- The approver's queue asks by the role a pending request waits for (the chain is copied into the
-- request at submission, so the role is what an approver matches), oldest first; V4's index by level
-- did not serve it.
DROP INDEX quote_approval_queue;
CREATE INDEX quote_approval_queue ON quote_approval (tenant_id, next_role, requested_at, id) WHERE status = 'PENDING';
-- The approval request of a quote's revision (the search shows its status).
CREATE INDEX quote_approval_revision ON quote_approval (quote_id, revision, requested_at);
