-- The order context owns this schema: orders, order lines, validation, fulfillment plan, fallout.
COMMENT ON SCHEMA ordering IS 'OMS order context: orders, validation, decomposition, fulfillment plan, fallout';
