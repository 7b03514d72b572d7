-- Every order line names the product of the installed base it acts on (seed 000 sections 7 and 20):
-- an ADD line the product it will create (its id is fixed at capture, so billing triggers and events
-- can name it before the product exists), any other line the existing product it changes. A change
-- line also keeps the product's version it was computed from (the baseline), so a product changed in
-- between is noticed instead of overwritten.

ALTER TABLE customer_order_line ADD COLUMN product_id uuid;
ALTER TABLE customer_order_line ADD COLUMN baseline_version bigint;

UPDATE customer_order_line l SET product_id = a.asset_id
  FROM product_asset a WHERE a.created_by_order_line_id = l.order_line_id;
UPDATE customer_order_line SET product_id = gen_random_uuid() WHERE product_id IS NULL;

ALTER TABLE customer_order_line ALTER COLUMN product_id SET NOT NULL;
ALTER TABLE customer_order_line ADD CONSTRAINT customer_order_line_baseline
    CHECK ((action = 'ADD') = (baseline_version IS NULL));

-- the conflicting-order check: the open orders acting on a product
CREATE INDEX customer_order_line_product ON customer_order_line (product_id) WHERE action <> 'ADD';
