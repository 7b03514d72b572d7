package io.cpqoms.fulfillment.adapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A built-in stand-in for an external system, so the product runs end to end without the real
 * ones: it answers after a configured latency with a configured outcome. Like a real system it is
 * idempotent on the external request id: the same request always gets the same reference.
 */
public final class SimulatedExternalSystem implements FulfillmentAdapter {

    /** How a simulated system behaves. */
    public record Behaviour(Duration latency, Outcome outcome) {
    }

    /** COMPLETE answers with a reference; REJECT refuses with RESOURCE_UNAVAILABLE. */
    public enum Outcome { COMPLETE, REJECT }

    private final String system;
    private final Behaviour behaviour;

    public SimulatedExternalSystem(String system, Behaviour behaviour) {
        this.system = system;
        this.behaviour = behaviour;
    }

    @Override
    public String system() {
        return system;
    }

    Behaviour behaviour() {
        return behaviour;
    }

    @Override
    public AdapterOutcome execute(AdapterRequest request) {
        if (!behaviour.latency().isZero()) {
            try {
                Thread.sleep(behaviour.latency().toMillis()); // the simulated system's response time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + system + " was working", e);
            }
        }
        if (behaviour.outcome() == Outcome.REJECT) {
            return AdapterOutcome.rejected("RESOURCE_UNAVAILABLE",
                    system + " refused " + request.itemType() + " for " + request.orderNumber() + " (simulated).");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("system", system);
        details.put("simulated", "true");
        return AdapterOutcome.completed(reference(request.externalRequestId()), details);
    }

    /** The system's reference for a request: stable for the same external request id. */
    String reference(String externalRequestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (system + "|" + externalRequestId).getBytes(StandardCharsets.UTF_8));
            String prefix = system.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
            return prefix.substring(0, Math.min(4, prefix.length())) + "-" + HexFormat.of().formatHex(digest, 0, 6).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
