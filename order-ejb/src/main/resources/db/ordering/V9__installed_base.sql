-- The installed base (seed 000 section 21, seed 002 section 16): a local projection of what each
-- customer has, kept by the ordering context from the orders it completes. The product inventory
-- master stays outside (docs/inventory.md, the ownership decision); these rows are what change orders
-- and billing triggers start from, and what support reads.

CREATE TABLE product_asset (
    asset_id                   uuid          PRIMARY KEY,
    tenant_id                  varchar(64)   NOT NULL,
    customer_id                varchar(80)   NOT NULL,
    account_id                 varchar(80),
    status                     varchar(20)   NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    parent_asset_id            uuid          REFERENCES product_asset (asset_id) DEFERRABLE INITIALLY DEFERRED,
    product_offering_id        varchar(120)  NOT NULL,
    product_offering_name      varchar(200)  NOT NULL,
    product_spec_id            varchar(120),
    quantity                   numeric(18, 6) NOT NULL,
    characteristics            jsonb         NOT NULL,
    currency                   char(3),
    recurring_price            jsonb         NOT NULL,
    start_date                 date          NOT NULL,
    end_date                   date,
    -- the order line that created the asset: one asset per line, whatever is delivered twice
    created_by_order_id        uuid          NOT NULL REFERENCES customer_order (order_id),
    created_by_order_line_id   uuid          NOT NULL UNIQUE REFERENCES customer_order_line (order_line_id),
    created_by_order_number    varchar(80)   NOT NULL,
    last_order_id              uuid          NOT NULL REFERENCES customer_order (order_id),
    last_order_line_id         uuid          NOT NULL REFERENCES customer_order_line (order_line_id),
    last_order_number          varchar(80)   NOT NULL,
    source_quote_id            uuid,
    source_quote_number        varchar(80),
    source_quote_revision      integer,
    entity_version             bigint        NOT NULL DEFAULT 0,
    created_at                 timestamptz   NOT NULL,
    updated_at                 timestamptz   NOT NULL,
    CONSTRAINT product_asset_dates CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT product_asset_terminated_ends CHECK ((status = 'TERMINATED') = (end_date IS NOT NULL))
);

-- the list: a tenant's assets, optionally of one customer and status, newest first (keyset)
CREATE INDEX product_asset_listing ON product_asset (tenant_id, created_at DESC, asset_id DESC);
CREATE INDEX product_asset_customer ON product_asset (tenant_id, customer_id, created_at DESC, asset_id DESC);
CREATE INDEX product_asset_order ON product_asset (created_by_order_id);
