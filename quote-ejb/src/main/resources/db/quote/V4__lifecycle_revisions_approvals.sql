-- Issue 13: the quote lifecycle with submission, approvals, cancellation, expiry and revisions, and
-- the approval policy as data.

ALTER TABLE quote DROP CONSTRAINT quote_status_check;
ALTER TABLE quote ADD CONSTRAINT quote_status_check CHECK (status IN ('DRAFT', 'PRICED', 'PENDING_APPROVAL',
    'APPROVED', 'REJECTED', 'ACCEPTED', 'CANCELLED', 'EXPIRED'));

-- A draft has no price; a quote under or after approval, or accepted, has its snapshot; a cancelled or
-- expired quote keeps whatever it had.
ALTER TABLE quote DROP CONSTRAINT quote_priced_has_snapshot;
ALTER TABLE quote ADD CONSTRAINT quote_priced_has_snapshot CHECK (
    (status <> 'DRAFT' OR price_snapshot IS NULL)
    AND (status NOT IN ('PRICED', 'PENDING_APPROVAL', 'APPROVED', 'REJECTED', 'ACCEPTED') OR price_snapshot IS NOT NULL));

-- The approval an acceptance relied on (null when its revision needed none); why and when a quote was
-- closed without acceptance.
ALTER TABLE quote ADD COLUMN accepted_approval_id uuid;
ALTER TABLE quote ADD COLUMN closed_reason varchar(500);
ALTER TABLE quote ADD COLUMN closed_at timestamptz;
ALTER TABLE quote ADD COLUMN closed_by varchar(200);

-- The approval request of a revision, bound to that revision and its price snapshot. triggers: the
-- rules that triggered with their evidence; decisions: each level's decision.
CREATE TABLE quote_approval (
    id                uuid         PRIMARY KEY,
    quote_id          uuid         NOT NULL REFERENCES quote (id),
    tenant_id         varchar(64)  NOT NULL,
    revision          integer      NOT NULL CHECK (revision >= 1),
    price_snapshot_id uuid         NOT NULL,
    policy_version    integer      NOT NULL,
    status            varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    required_level    integer      NOT NULL CHECK (required_level >= 0),
    next_level        integer,
    next_role         varchar(100),
    -- The chain as the policy had it at submission: ["sales-approver", "deal-desk"] is level 1, then level 2.
    chain             jsonb        NOT NULL,
    triggers          jsonb        NOT NULL,
    decisions         jsonb        NOT NULL,
    carried_over_from uuid         REFERENCES quote_approval (id),
    requested_by      varchar(200) NOT NULL,
    requested_at      timestamptz  NOT NULL,
    decided_at        timestamptz,
    CONSTRAINT quote_approval_pending_has_level CHECK ((status = 'PENDING') = (next_level IS NOT NULL))
);

CREATE INDEX quote_approval_quote ON quote_approval (quote_id, requested_at);
-- The approvers' queue: pending requests of a tenant by the level they wait for.
CREATE INDEX quote_approval_queue ON quote_approval (tenant_id, next_level, requested_at) WHERE status = 'PENDING';

-- Superseded revisions as they were offered: the quote view of that revision (items, price snapshot,
-- approval). Written once when the next revision starts.
CREATE TABLE quote_revision (
    quote_id      uuid        NOT NULL REFERENCES quote (id),
    revision      integer     NOT NULL CHECK (revision >= 1),
    tenant_id     varchar(64) NOT NULL,
    content       jsonb       NOT NULL,
    superseded_at timestamptz NOT NULL,
    PRIMARY KEY (quote_id, revision)
);

CREATE FUNCTION quote_revision_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'revision % of quote % is superseded and immutable', OLD.revision, OLD.quote_id
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER quote_revision_immutable
    BEFORE UPDATE OR DELETE ON quote_revision
    FOR EACH ROW EXECUTE FUNCTION quote_revision_immutable();

-- The approval policy, versioned per tenant: the chain (level -> role) and the rules (type, threshold
-- or standard terms, level). tenant_id '*' is the default for a tenant without its own; the newest
-- version in effect applies at submission, and each approval request names the version it used.
CREATE TABLE approval_policy (
    tenant_id      varchar(64) NOT NULL,
    version        integer     NOT NULL CHECK (version >= 1),
    levels         jsonb       NOT NULL,
    rules          jsonb       NOT NULL,
    effective_from timestamptz NOT NULL,
    created_by     varchar(200) NOT NULL,
    PRIMARY KEY (tenant_id, version)
);

INSERT INTO approval_policy (tenant_id, version, levels, rules, effective_from, created_by) VALUES ('*', 1,
    '{"1": "sales-approver", "2": "deal-desk"}',
    '[{"type": "LINE_DISCOUNT", "threshold": 40, "level": 1},
      {"type": "LINE_DISCOUNT", "threshold": 60, "level": 2},
      {"type": "QUOTE_DISCOUNT", "threshold": 20, "level": 1},
      {"type": "QUOTE_DISCOUNT", "threshold": 50, "level": 2},
      {"type": "MARGIN_FLOOR", "threshold": 15, "level": 1},
      {"type": "MARGIN_FLOOR", "threshold": 0, "level": 2},
      {"type": "MANUAL_OVERRIDE", "level": 1},
      {"type": "NON_STANDARD_TERM", "standardTerms": [12, 24, 36], "level": 1},
      {"type": "ELIGIBILITY_EXCEPTION", "level": 2}]',
    '2026-01-01T00:00:00Z', 'migration V4');
