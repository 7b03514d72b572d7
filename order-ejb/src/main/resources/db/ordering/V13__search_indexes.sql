-- The searches that grew with the number of orders (benchmark/order-scale.sh, docs/benchmarks.md):
-- an order list filtered by status walked the newest-first index past every order of the other
-- statuses; this one starts at the status. And a product's billing triggers (the inventory view) are
-- found by the product, not by scanning every trigger.

CREATE INDEX customer_order_status ON customer_order (tenant_id, status, created_at DESC, order_id DESC);
CREATE INDEX billing_trigger_product ON billing_trigger (product_id);
