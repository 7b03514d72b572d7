package io.cpqoms.order.api;

/**
 * The milestones of an order (seed 000, section 31), each recorded once when reached. The order
 * reaches its own (captured, validated, decomposed, fulfillment started, customer info requested,
 * completed); INSTALLATION_SCHEDULED, SERVICE_ACTIVATED and BILLING_ACTIVATED are reached when every
 * fulfillment item of the plan whose catalog step names the milestone is done.
 */
public enum OrderMilestone {
    ORDER_CAPTURED, ORDER_VALIDATED, ORDER_DECOMPOSED, FULFILLMENT_STARTED, CUSTOMER_INFO_REQUESTED,
    INSTALLATION_SCHEDULED, SERVICE_ACTIVATED, BILLING_ACTIVATED, ORDER_COMPLETED
}
