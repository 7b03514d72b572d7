package io.cpqoms.fulfillment.adapter;

import java.util.Map;

/**
 * What the external system did, in domain terms: COMPLETED with its reference for the work,
 * REJECTED with a normalised code (for example RESOURCE_UNAVAILABLE) and message, or ACCEPTED: the
 * system took the work and reports its outcome later through the worker API.
 */
public record AdapterOutcome(Result result, String externalReference, String code, String message,
                             Map<String, String> details) {

    public enum Result { COMPLETED, REJECTED, ACCEPTED }

    public static AdapterOutcome completed(String externalReference, Map<String, String> details) {
        return new AdapterOutcome(Result.COMPLETED, externalReference, null, null, details);
    }

    public static AdapterOutcome accepted() {
        return new AdapterOutcome(Result.ACCEPTED, null, null, null, Map.of());
    }

    public static AdapterOutcome rejected(String code, String message) {
        return new AdapterOutcome(Result.REJECTED, null, code, message, Map.of());
    }
}
