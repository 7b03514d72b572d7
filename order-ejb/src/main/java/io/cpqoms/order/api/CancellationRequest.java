package io.cpqoms.order.api;

/** Why an order is cancelled and on whose initiative (seed 000, section 18). */
public record CancellationRequest(String reason, Initiator initiator) {

    public enum Initiator { CUSTOMER, INTERNAL }
}
