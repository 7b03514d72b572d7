package io.cpqoms.fulfillment.adapter;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the adapter of a responsible system. Every system is bound to its simulator for now; a real
 * HTTP or JMS adapter implements {@link FulfillmentAdapter} and is bound here by system name. The
 * simulators read their behaviour from configuration on every call, so it can be changed on a
 * running server: {@code cpq.simulator.<system>.latency-ms} (default {@code cpq.simulator.latency-ms},
 * else 0) and {@code cpq.simulator.<system>.outcome} (COMPLETE or REJECT, default COMPLETE).
 */
public final class FulfillmentAdapters {

    private final Function<String, String> settings;

    /** @param settings looks a setting up by name, null when unset */
    public FulfillmentAdapters(Function<String, String> settings) {
        this.settings = settings;
    }

    public FulfillmentAdapter adapterFor(String system) {
        return new SimulatedExternalSystem(system, new SimulatedExternalSystem.Behaviour(latency(system), outcome(system)));
    }

    private Duration latency(String system) {
        String value = setting("cpq.simulator." + system + ".latency-ms");
        if (value == null) {
            value = setting("cpq.simulator.latency-ms");
        }
        try {
            return Duration.ofMillis(value == null ? 0 : Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("cpq.simulator latency for " + system + " is not a number: " + value, e);
        }
    }

    private SimulatedExternalSystem.Outcome outcome(String system) {
        String value = setting("cpq.simulator." + system + ".outcome");
        try {
            return value == null ? SimulatedExternalSystem.Outcome.COMPLETE
                    : SimulatedExternalSystem.Outcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cpq.simulator outcome for " + system + " is COMPLETE or REJECT, not " + value, e);
        }
    }

    private String setting(String name) {
        String value = settings.apply(name);
        return value == null || value.isBlank() ? null : value;
    }
}
