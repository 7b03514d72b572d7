package io.cpqoms.catalog.api;

/** Why an offering may not be offered: a stable code to switch on and an explanation for a person. */
public record EligibilityReason(String code, String message) {
}
