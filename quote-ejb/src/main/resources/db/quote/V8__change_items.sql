-- Change quotes (seed 000 sections 7 and 20): an item either adds a product (ADD) or acts on a product
-- of the customer's installed base, computed from it when the item was added: the product, the product's
-- version the change was computed from (the baseline the order checks again), and the recurring price
-- the product has, so the quote shows the change in charges.

ALTER TABLE quote_item ADD COLUMN action varchar(20) NOT NULL DEFAULT 'ADD'
    CHECK (action IN ('ADD', 'MODIFY', 'DELETE', 'NO_CHANGE'));
ALTER TABLE quote_item ADD COLUMN product_id uuid;
ALTER TABLE quote_item ADD COLUMN baseline_version bigint;
ALTER TABLE quote_item ADD COLUMN previous_recurring jsonb;
ALTER TABLE quote_item ADD CONSTRAINT quote_item_change_names_product
    CHECK ((action = 'ADD') = (product_id IS NULL AND baseline_version IS NULL AND previous_recurring IS NULL));
