package io.cpqoms.catalog.api;

/** An offering of the same specification family that may be offered instead. */
public record EligibilityAlternative(String productOfferingId, String name) {
}
