package io.cpqoms.order.api;

/**
 * Why an order exists (seed 000, section 4): a NEW order adds products; the others act on products of
 * the customer's installed base (a CHANGE adds, modifies and removes, a DISCONNECT terminates, SUSPEND and
 * RESUME pause and restore, a RENEWAL modifies terms). The line actions each type allows are in
 * {@code ChangeOrders.actions}. A cancellation is a command on an order, not an order of its own.
 */
public enum OrderType { NEW, CHANGE, DISCONNECT, SUSPEND, RESUME, RENEWAL }
