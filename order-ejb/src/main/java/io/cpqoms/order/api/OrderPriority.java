package io.cpqoms.order.api;

/** How urgently an order is worked (seed 000, section 5: normal, high, escalated). */
public enum OrderPriority { NORMAL, HIGH, ESCALATED }
