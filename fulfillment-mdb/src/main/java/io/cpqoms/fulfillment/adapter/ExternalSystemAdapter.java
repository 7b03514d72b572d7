package io.cpqoms.fulfillment.adapter;

import io.cpqoms.fulfillment.adapter.AdapterOutcome.Result;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One entry to the external systems for the worker: sends an item to its responsible system and turns
 * every technical failure into the taxonomy of {@link AdapterOutcome} — nothing reached
 * the system (RETRYABLE), or it may have and did not answer (UNKNOWN) — so the worker decides on
 * outcomes, never on exceptions.
 */
@ApplicationScoped
public class ExternalSystemAdapter {

    /** The responsible systems the catalog's fulfillment metadata may name. */
    public static final java.util.Set<String> SYSTEMS = java.util.Set.of("network-provisioning", "ip-address-management",
            "logistics", "field-service", "billing", "service-assurance");

    @Inject
    private ExternalSystemGateway gateway;

    public AdapterOutcome execute(AdapterRequest request) {
        if (!SYSTEMS.contains(request.system())) {
            return AdapterOutcome.of(Result.INVALID, ExternalSystemTranslation.INVALID_REQUEST,
                    "no adapter for the responsible system '" + request.system() + "' named by the catalog");
        }
        try {
            return gateway.submit(request);
        } catch (ExternalSystemGateway.Unavailable e) {
            return AdapterOutcome.of(Result.RETRYABLE, "SYSTEM_UNAVAILABLE", request.system() + ": " + e.getMessage());
        } catch (ExternalSystemGateway.Unanswered e) {
            return AdapterOutcome.of(Result.UNKNOWN, "OUTCOME_UNKNOWN", request.system() + ": " + e.getMessage());
        }
    }

    /** What the system holds for a request whose outcome is unknown. */
    public AdapterOutcome find(String system, String externalRequestId) {
        try {
            return gateway.find(system, externalRequestId);
        } catch (ExternalSystemGateway.Unavailable | ExternalSystemGateway.Unanswered e) {
            return AdapterOutcome.of(Result.RETRYABLE, "SYSTEM_UNAVAILABLE", system + ": " + e.getMessage());
        }
    }
}
