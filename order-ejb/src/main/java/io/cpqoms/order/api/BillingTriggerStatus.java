package io.cpqoms.order.api;

/**
 * Where a billing trigger stands with the billing system: sent and not answered yet (PENDING), accepted
 * with the billing system's reference (ACKNOWLEDGED), or refused (REJECTED, with a billing fallout case;
 * working the case may send it again, PENDING on a new attempt).
 */
public enum BillingTriggerStatus { PENDING, ACKNOWLEDGED, REJECTED }
