package io.cpqoms.order.api;

/**
 * An order in jeopardy (seed 000, section 31; OSM's jeopardy): WARNING when an item is overdue or the
 * committed completion date is near (the warning ratio of the committed span has passed), BREACH once
 * the committed completion date passed. It clears when the order completes or is cancelled.
 */
public enum Jeopardy { WARNING, BREACH }
