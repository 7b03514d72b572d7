-- Issue 13, expiry: the sweep finds open quotes whose validity ended without reading the others.
CREATE INDEX quote_open_valid_until ON quote (valid_until)
    WHERE status IN ('DRAFT', 'PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED');
