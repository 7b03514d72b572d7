-- Manual price overrides of a quote item's charges: a JSON array of
-- {priceId, amount, reason, actor, overriddenAt}, one per price definition, applied by the pricing
-- pipeline at its manual-override step. Every override is also in the audit trail.
ALTER TABLE quote_item ADD COLUMN price_overrides jsonb;
