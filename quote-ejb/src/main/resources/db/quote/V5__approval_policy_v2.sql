-- Version 2 of the default approval policy: the overall discount threshold of level 1 moves from 20% to
-- 40% (and of level 2 from 50% to 60%), like the per-line thresholds. The demo catalog's own standing
-- promotion (managed router setup at half price) gives a router-only quote 36% off; a standard offer
-- the tenant publishes must not need approval. Version 1 stays, as the approval requests it evaluated
-- name it.
INSERT INTO approval_policy (tenant_id, version, levels, rules, effective_from, created_by) VALUES ('*', 2,
    '{"1": "sales-approver", "2": "deal-desk"}',
    '[{"type": "LINE_DISCOUNT", "threshold": 40, "level": 1},
      {"type": "LINE_DISCOUNT", "threshold": 60, "level": 2},
      {"type": "QUOTE_DISCOUNT", "threshold": 40, "level": 1},
      {"type": "QUOTE_DISCOUNT", "threshold": 60, "level": 2},
      {"type": "MARGIN_FLOOR", "threshold": 15, "level": 1},
      {"type": "MARGIN_FLOOR", "threshold": 0, "level": 2},
      {"type": "MANUAL_OVERRIDE", "level": 1},
      {"type": "NON_STANDARD_TERM", "standardTerms": [12, 24, 36], "level": 1},
      {"type": "ELIGIBILITY_EXCEPTION", "level": 2}]',
    '2026-01-01T00:00:00Z', 'migration V5');
