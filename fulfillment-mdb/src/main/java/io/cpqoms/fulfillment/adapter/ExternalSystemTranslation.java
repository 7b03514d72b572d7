package io.cpqoms.fulfillment.adapter;

import io.cpqoms.fulfillment.adapter.AdapterOutcome.Result;
import java.util.Map;

/**
 * The anti-corruption layer's dictionary: an external system's answer (HTTP status, its own status
 * and codes) in the domain's terms. Each system refuses with codes of its own; they become the
 * domain's failure codes here, and a code not known here keeps its text under EXTERNAL_REFUSAL.
 */
public final class ExternalSystemTranslation {

    /** The domain's code for a request the system cannot read: a defect on the product's side. */
    public static final String INVALID_REQUEST = "INVALID_REQUEST";
    /** A refusal with a code this dictionary does not know. */
    public static final String EXTERNAL_REFUSAL = "EXTERNAL_REFUSAL";
    /** The system has no request with the external request id. */
    public static final String NOT_FOUND = "REQUEST_NOT_FOUND";

    private static final Map<String, String> REFUSALS = Map.of(
            "ERR_771_PORT_OCCUPIED", "RESOURCE_UNAVAILABLE",
            "IPAM-POOL-EXHAUSTED", "RESOURCE_UNAVAILABLE",
            "LGX_STOCK_OUT", "EQUIPMENT_OUT_OF_STOCK",
            "FS-NO-TECHNICIAN-SLOT", "NO_APPOINTMENT_AVAILABLE",
            "BIL-4091-ACCOUNT-NOT-BILLABLE", "ACCOUNT_NOT_BILLABLE",
            "SA_PROBE_UNREACHABLE", "SERVICE_NOT_MONITORABLE");

    private ExternalSystemTranslation() {
    }

    /** The answer to a submission. */
    public static AdapterOutcome submitted(String system, int status, ExternalSystemApi.Answer answer) {
        ExternalSystemApi.Answer a = orEmpty(answer);
        if (status == 200 && "COMPLETED".equals(a.status()) && a.reference() != null) {
            return AdapterOutcome.completed(a.reference(), Map.of("system", system));
        }
        if (status == 202) {
            return AdapterOutcome.accepted();
        }
        if (status == 409 && "DUPLICATE_REQUEST".equals(a.code()) && a.reference() != null) {
            return AdapterOutcome.duplicate(a.reference(), Map.of("system", system, "duplicate", "true"));
        }
        if (status == 422) {
            return refused(system, a);
        }
        if (status == 503 || status == 502 || status == 429) {
            return AdapterOutcome.of(Result.RETRYABLE, "SYSTEM_UNAVAILABLE", system + " answered " + status
                    + (a.message() == null ? "" : ": " + a.message()));
        }
        if (status >= 500) {
            // the request reached the system (or its gateway) and nobody knows what became of it
            return AdapterOutcome.of(Result.UNKNOWN, "OUTCOME_UNKNOWN", system + " answered " + status);
        }
        return AdapterOutcome.of(Result.INVALID, INVALID_REQUEST, system + " refused the request as invalid (" + status
                + (a.code() == null ? "" : " " + a.code()) + (a.message() == null ? "" : ": " + a.message()) + ")");
    }

    /** The answer to a look-up of a request by its external request id. */
    public static AdapterOutcome found(String system, int status, ExternalSystemApi.Answer answer) {
        if (status == 404) {
            return AdapterOutcome.of(Result.UNKNOWN, NOT_FOUND, system + " has no record of the request");
        }
        ExternalSystemApi.Answer a = orEmpty(answer);
        if (status == 200 && "COMPLETED".equals(a.status()) && a.reference() != null) {
            return AdapterOutcome.completed(a.reference(), Map.of("system", system, "foundBy", "status-query"));
        }
        if (status == 200 && "FAILED".equals(a.status())) {
            return refused(system, a);
        }
        if (status == 200 && "ACCEPTED".equals(a.status())) {
            return AdapterOutcome.accepted();
        }
        return AdapterOutcome.of(Result.RETRYABLE, "SYSTEM_UNAVAILABLE", system + " answered " + status + " to a status query");
    }

    /** An answer without a body (or not the system's JSON) has only its status to go by. */
    private static ExternalSystemApi.Answer orEmpty(ExternalSystemApi.Answer answer) {
        return answer == null ? new ExternalSystemApi.Answer(null, null, null, null) : answer;
    }

    private static AdapterOutcome refused(String system, ExternalSystemApi.Answer a) {
        String domain = a.code() == null ? EXTERNAL_REFUSAL : REFUSALS.getOrDefault(a.code(), EXTERNAL_REFUSAL);
        return AdapterOutcome.of(Result.REJECTED, domain, system + " refused with " + a.code()
                + (a.message() == null ? "" : ": " + a.message()));
    }
}
