package io.cpqoms.order.api;

/**
 * A break-glass completion of a fulfillment item the responsible system cannot report: the reason is
 * required; the external reference names the work done outside the system, when there is one.
 */
public record ForcedCompletion(String reason, String externalReference) {
}
