package io.cpqoms.fulfillment.adapter;

import io.cpqoms.fulfillment.adapter.AdapterOutcome.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * One entry to the external systems for the worker: sends an item to its responsible system through that
 * system's fault tolerance ({@link ExternalSystemGuard}: timeout, circuit breaker, bulkhead) and turns
 * every technical failure into the taxonomy of {@link AdapterOutcome} — nothing reached the system
 * (RETRYABLE: unavailable, circuit open, bulkhead full), or it may have and did not answer (UNKNOWN:
 * unanswered, timed out) — so the worker decides on outcomes, never on exceptions.
 */
@ApplicationScoped
public class ExternalSystemAdapter {

    /** The responsible systems the catalog's fulfillment metadata may name. */
    public static final java.util.Set<String> SYSTEMS = java.util.Set.of("network-provisioning", "ip-address-management",
            "logistics", "field-service", "billing", "service-assurance");

    /** Codes of the failures Fault Tolerance answers itself, without calling the system. */
    public static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";
    public static final String BULKHEAD_FULL = "BULKHEAD_FULL";

    @Inject
    private ExternalSystemGateway gateway;

    @Inject
    private ExternalSystemGuard guard;

    public AdapterOutcome execute(AdapterRequest request) {
        if (!SYSTEMS.contains(request.system())) {
            return AdapterOutcome.of(Result.INVALID, ExternalSystemTranslation.INVALID_REQUEST,
                    "no adapter for the responsible system '" + request.system() + "' named by the catalog");
        }
        try {
            return guarded(request.system(), () -> gateway.submit(request));
        } catch (RuntimeException e) {
            return failed(request.system(), e);
        }
    }

    /** What the system holds for a request whose outcome is unknown. */
    public AdapterOutcome find(String system, String externalRequestId) {
        if (!SYSTEMS.contains(system)) {
            return AdapterOutcome.of(Result.RETRYABLE, "SYSTEM_UNAVAILABLE", "no adapter for '" + system + "'");
        }
        try {
            return guarded(system, () -> gateway.find(system, externalRequestId));
        } catch (RuntimeException e) {
            AdapterOutcome failed = failed(system, e);
            // a status query changes nothing at the system: whatever stopped it, ask again later
            return AdapterOutcome.of(Result.RETRYABLE, failed.code(), failed.message());
        }
    }

    /**
     * A call that threw, in the taxonomy: nothing reached the system (its 503 or a refused connection, an
     * open circuit, a full bulkhead) is RETRYABLE; a request that may have reached it (no answer, the Fault
     * Tolerance timeout) is UNKNOWN. Anything else is not a failure of the system and is thrown on.
     */
    static AdapterOutcome failed(String system, RuntimeException e) {
        if (e instanceof ExternalSystemGateway.Unavailable) {
            return AdapterOutcome.of(Result.RETRYABLE, "SYSTEM_UNAVAILABLE", system + ": " + e.getMessage());
        }
        if (e instanceof CircuitBreakerOpenException) {
            return AdapterOutcome.of(Result.RETRYABLE, CIRCUIT_OPEN, system
                    + ": circuit open after repeated failures of the system; not called");
        }
        if (e instanceof BulkheadException) {
            return AdapterOutcome.of(Result.RETRYABLE, BULKHEAD_FULL, system
                    + ": as many calls to the system in flight as its bulkhead allows; not called");
        }
        if (e instanceof TimeoutException) {
            return AdapterOutcome.of(Result.UNKNOWN, "OUTCOME_UNKNOWN", system
                    + ": no answer within the Fault Tolerance timeout; the request may have been sent");
        }
        if (e instanceof ExternalSystemGateway.Unanswered) {
            return AdapterOutcome.of(Result.UNKNOWN, "OUTCOME_UNKNOWN", system + ": " + e.getMessage());
        }
        throw e;
    }

    /** The call through its system's guard method: the system's own circuit breaker and bulkhead. */
    private <T> T guarded(String system, Supplier<T> call) {
        return switch (system) {
            case "network-provisioning" -> guard.networkProvisioning(call);
            case "ip-address-management" -> guard.ipAddressManagement(call);
            case "logistics" -> guard.logistics(call);
            case "field-service" -> guard.fieldService(call);
            case "billing" -> guard.billing(call);
            case "service-assurance" -> guard.serviceAssurance(call);
            default -> throw new IllegalArgumentException("no adapter for " + system);
        };
    }
}
