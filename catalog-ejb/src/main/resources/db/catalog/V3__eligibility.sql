-- Eligibility: the catalog's projection of account standing. Billing or the ERP owns an account's
-- customer, segment and debt; the catalog keeps what the owner last stated, as of when (as_of, the
-- projection's freshness), and when it recorded it (updated_at). The newest statement wins.

CREATE TABLE account_standing (
    tenant_id        varchar(64)  NOT NULL,
    account_id       varchar(100) NOT NULL,
    entity_version   bigint       NOT NULL DEFAULT 0,
    customer_id      varchar(100),
    customer_segment varchar(100),
    outstanding_debt numeric      NOT NULL CHECK (outstanding_debt >= 0),
    currency         varchar(3)   NOT NULL,
    as_of            timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);
