package io.cpqoms.fulfillment.adapter;

import java.util.Map;

/**
 * What an external system did with a request, in the domain's terms: the adapter's error taxonomy.
 *
 * <table>
 * <tr><th>result</th><th>from</th><th>handling</th></tr>
 * <tr><td>COMPLETED</td><td>the work is done; its reference</td><td>the item completes</td></tr>
 * <tr><td>DUPLICATE</td><td>the system did this request before; its reference</td><td>the item completes</td></tr>
 * <tr><td>ACCEPTED</td><td>the system works asynchronously</td><td>it reports later through the worker API</td></tr>
 * <tr><td>RETRYABLE</td><td>503, connection refused, circuit open, bulkhead full: nothing was done</td><td>the same request again</td></tr>
 * <tr><td>REJECTED</td><td>a business refusal, its code mapped to the domain's</td><td>no retry: fallout with the code</td></tr>
 * <tr><td>INVALID</td><td>400: the request itself is wrong</td><td>fallout, HIGH, a defect</td></tr>
 * <tr><td>UNKNOWN</td><td>no answer after sending (timeout)</td><td>ask the system for the request, never send it blind again</td></tr>
 * </table>
 */
public record AdapterOutcome(Result result, String externalReference, String code, String message,
                             Map<String, String> details) {

    public enum Result { COMPLETED, DUPLICATE, ACCEPTED, RETRYABLE, REJECTED, INVALID, UNKNOWN }

    public static AdapterOutcome completed(String externalReference, Map<String, String> details) {
        return new AdapterOutcome(Result.COMPLETED, externalReference, null, null, details);
    }

    public static AdapterOutcome duplicate(String externalReference, Map<String, String> details) {
        return new AdapterOutcome(Result.DUPLICATE, externalReference, null, null, details);
    }

    public static AdapterOutcome accepted() {
        return new AdapterOutcome(Result.ACCEPTED, null, null, null, Map.of());
    }

    public static AdapterOutcome of(Result result, String code, String message) {
        return new AdapterOutcome(result, null, code, message, Map.of());
    }

    /** Whether the work is done: the item completes with the reference. */
    public boolean done() {
        return result == Result.COMPLETED || result == Result.DUPLICATE;
    }
}
