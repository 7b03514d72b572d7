package io.cpqoms.fulfillment.adapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A built-in stand-in for an external system, so the product runs end to end without the real
 * ones: it answers after a configured latency with a configured outcome. Like a real system it is
 * idempotent on the external request id: the same request always gets the same reference.
 *
 * <p>Like a payment provider's test card numbers, a site id can script the simulators for one order
 * line: {@code sim:<system>=<scenario>[,<system>=<scenario>...]} anywhere in the {@code siteId}
 * characteristic, where a scenario is {@code reject} (refuses every attempt), {@code reject-first}
 * (refuses the first attempt, completes a retry) or {@code async} (accepts the work and answers
 * later through the worker API, as an external system with callbacks does).
 */
public final class SimulatedExternalSystem implements FulfillmentAdapter {

    /** How a simulated system behaves. */
    public record Behaviour(Duration latency, Outcome outcome) {
    }

    /** COMPLETE answers with a reference; REJECT refuses with RESOURCE_UNAVAILABLE. */
    public enum Outcome { COMPLETE, REJECT }

    static final String SITE = "characteristic.siteId";
    private static final Pattern SCENARIO = Pattern.compile("sim:([a-z0-9=,-]+)");

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
        String scenario = scenario(request);
        if (scenario.equals("async")) {
            return AdapterOutcome.accepted();
        }
        if (behaviour.outcome() == Outcome.REJECT || scenario.equals("reject")
                || (scenario.equals("reject-first") && request.externalRequestId().endsWith(":1"))) {
            return AdapterOutcome.rejected("RESOURCE_UNAVAILABLE",
                    system + " refused " + request.itemType() + " for " + request.orderNumber() + " (simulated).");
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("system", system);
        details.put("simulated", "true");
        return AdapterOutcome.completed(reference(request.externalRequestId()), details);
    }

    /** The scenario the request's site id scripts for this system, or "" for none. */
    private String scenario(AdapterRequest request) {
        String site = request.input() == null ? null : request.input().get(SITE);
        Matcher matcher = site == null ? null : SCENARIO.matcher(site);
        if (matcher == null || !matcher.find()) {
            return "";
        }
        for (String directive : matcher.group(1).split(",")) {
            String[] parts = directive.split("=", 2);
            if (parts.length == 2 && parts[0].equals(system)) {
                return parts[1];
            }
        }
        return "";
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
