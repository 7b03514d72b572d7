package io.cpqoms.fulfillment.adapter;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * MicroProfile Fault Tolerance around every call to an external system: one method per system, because
 * Fault Tolerance keeps the state of a circuit breaker and of a bulkhead per method. So each system has
 * its own circuit breaker (one system failing does not stop calls to the others) and its own bulkhead
 * (one slow system holds at most {@value #BULKHEAD} of the fulfillment workers, not all of them).
 *
 * <ul>
 * <li>{@code @Timeout}: the whole call (connecting, sending, the answer) ends after {@value #TIMEOUT_MS} ms;
 * the request may have reached the system, so the adapter makes it an unknown outcome.</li>
 * <li>{@code @CircuitBreaker}: over the last {@value #VOLUME} calls of a system, when at least half failed
 * (unavailable, unanswered, timed out), the circuit opens and calls fail at once, without reaching the
 * system, for {@value #DELAY_MS} ms; then one trial call closes it again or opens it for another delay.
 * A bulkhead rejection is the product's own limit, not the system failing, and does not count.</li>
 * <li>{@code @Bulkhead}: at most {@value #BULKHEAD} calls to one system at a time; one more is refused
 * at once.</li>
 * </ul>
 *
 * <p>The values are the production defaults; MicroProfile Config overrides them with Fault Tolerance's
 * own keys, for one system ({@code io.cpqoms.fulfillment.adapter.ExternalSystemGuard/billing/CircuitBreaker/delay})
 * or for all ({@code CircuitBreaker/delay}), see docs/orders.md. The method bodies only run the call: the
 * interceptor around them is the point. Calls come from {@link ExternalSystemAdapter}, through the CDI
 * proxy (a call from within this class would not be intercepted).
 */
@ApplicationScoped
public class ExternalSystemGuard {

    static final long TIMEOUT_MS = 2000;
    static final int VOLUME = 10;
    static final double RATIO = 0.5;
    static final long DELAY_MS = 30_000;
    static final int BULKHEAD = 8;

    @Timeout(TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = VOLUME, failureRatio = RATIO, delay = DELAY_MS, successThreshold = 1,
            skipOn = BulkheadException.class)
    @Bulkhead(BULKHEAD)
    public <T> T networkProvisioning(Supplier<T> call) {
        return call.get();
    }

    @Timeout(TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = VOLUME, failureRatio = RATIO, delay = DELAY_MS, successThreshold = 1,
            skipOn = BulkheadException.class)
    @Bulkhead(BULKHEAD)
    public <T> T ipAddressManagement(Supplier<T> call) {
        return call.get();
    }

    @Timeout(TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = VOLUME, failureRatio = RATIO, delay = DELAY_MS, successThreshold = 1,
            skipOn = BulkheadException.class)
    @Bulkhead(BULKHEAD)
    public <T> T logistics(Supplier<T> call) {
        return call.get();
    }

    @Timeout(TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = VOLUME, failureRatio = RATIO, delay = DELAY_MS, successThreshold = 1,
            skipOn = BulkheadException.class)
    @Bulkhead(BULKHEAD)
    public <T> T fieldService(Supplier<T> call) {
        return call.get();
    }

    @Timeout(TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = VOLUME, failureRatio = RATIO, delay = DELAY_MS, successThreshold = 1,
            skipOn = BulkheadException.class)
    @Bulkhead(BULKHEAD)
    public <T> T billing(Supplier<T> call) {
        return call.get();
    }

    @Timeout(TIMEOUT_MS)
    @CircuitBreaker(requestVolumeThreshold = VOLUME, failureRatio = RATIO, delay = DELAY_MS, successThreshold = 1,
            skipOn = BulkheadException.class)
    @Bulkhead(BULKHEAD)
    public <T> T serviceAssurance(Supplier<T> call) {
        return call.get();
    }
}
