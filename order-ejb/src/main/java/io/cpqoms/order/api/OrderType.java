package io.cpqoms.order.api;

/** Why an order exists (seed 000, section 4). */
public enum OrderType { NEW, CHANGE, CANCEL, RENEWAL, SUSPEND, RESUME }
