package io.cpqoms.fulfillment.adapter;

import java.util.Map;

/**
 * What the external system did, in domain terms: COMPLETED with its reference for the work, or
 * REJECTED with a normalised code (for example RESOURCE_UNAVAILABLE) and message.
 */
public record AdapterOutcome(Result result, String externalReference, String code, String message,
                             Map<String, String> details) {

    public enum Result { COMPLETED, REJECTED }

    public static AdapterOutcome completed(String externalReference, Map<String, String> details) {
        return new AdapterOutcome(Result.COMPLETED, externalReference, null, null, details);
    }

    public static AdapterOutcome rejected(String code, String message) {
        return new AdapterOutcome(Result.REJECTED, null, code, message, Map.of());
    }
}
