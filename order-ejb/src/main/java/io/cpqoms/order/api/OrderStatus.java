package io.cpqoms.order.api;

/**
 * The order lifecycle (seed 000, section 15). HELD is an order whose validation found a blocker;
 * FALLOUT an order whose fulfillment needs intervention. Which status may follow which is the order
 * aggregate's rule, not the contract's.
 */
public enum OrderStatus {
    CAPTURED, VALIDATING, VALIDATED, HELD, IN_PROGRESS, FALLOUT, COMPLETED, CANCELLING, CANCELLED, FAILED
}
