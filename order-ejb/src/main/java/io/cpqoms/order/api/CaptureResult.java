package io.cpqoms.order.api;

/** The captured order, and whether this request created it or found it captured already. */
public record CaptureResult(OrderView order, boolean created) {
}
