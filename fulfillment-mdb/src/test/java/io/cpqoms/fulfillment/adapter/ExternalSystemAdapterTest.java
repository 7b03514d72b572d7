package io.cpqoms.fulfillment.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.fulfillment.adapter.AdapterOutcome.Result;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

/** The failures of a call in the outcome taxonomy, and the fault tolerance every system's calls pass. */
class ExternalSystemAdapterTest {

    @Test
    void nothingReachedTheSystemIsRetryable() {
        AdapterOutcome unavailable = ExternalSystemAdapter.failed("billing",
                new ExternalSystemGateway.Unavailable("billing answered 503", null));
        assertEquals(Result.RETRYABLE, unavailable.result());
        assertEquals("SYSTEM_UNAVAILABLE", unavailable.code());

        AdapterOutcome open = ExternalSystemAdapter.failed("billing", new CircuitBreakerOpenException("open"));
        assertEquals(Result.RETRYABLE, open.result(), "an open circuit did not call the system");
        assertEquals(ExternalSystemAdapter.CIRCUIT_OPEN, open.code());
        assertTrue(open.message().startsWith("billing: circuit open"), open.message());

        AdapterOutcome full = ExternalSystemAdapter.failed("billing", new BulkheadException("full"));
        assertEquals(Result.RETRYABLE, full.result(), "a full bulkhead did not call the system");
        assertEquals(ExternalSystemAdapter.BULKHEAD_FULL, full.code());
    }

    @Test
    void aRequestThatMayHaveReachedTheSystemIsAnUnknownOutcome() {
        AdapterOutcome timedOut = ExternalSystemAdapter.failed("logistics", new TimeoutException("2000 ms"));
        assertEquals(Result.UNKNOWN, timedOut.result(), "the request may have been sent before the timeout");
        assertEquals("OUTCOME_UNKNOWN", timedOut.code());
        assertTrue(timedOut.message().contains("Fault Tolerance timeout"), timedOut.message());

        AdapterOutcome unanswered = ExternalSystemAdapter.failed("logistics",
                new ExternalSystemGateway.Unanswered("logistics did not answer", null));
        assertEquals(Result.UNKNOWN, unanswered.result());
    }

    @Test
    void anythingElseIsNotASystemFailureAndIsThrownOn() {
        IllegalStateException bug = new IllegalStateException("a defect of the product");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> ExternalSystemAdapter.failed("billing", bug)));
    }

    @Test
    void everySystemHasItsOwnGuardWithTimeoutCircuitBreakerAndBulkhead() throws NoSuchMethodException {
        Set<String> guarded = Arrays.stream(ExternalSystemGuard.class.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 1 && m.getParameterTypes()[0] == Supplier.class)
                .map(Method::getName).collect(Collectors.toSet());
        Set<String> systems = ExternalSystemAdapter.SYSTEMS.stream().map(ExternalSystemAdapterTest::camelCase)
                .collect(Collectors.toSet());
        assertEquals(systems, guarded, "one guard method (one circuit breaker, one bulkhead) per system");
        for (String name : guarded) {
            Method method = ExternalSystemGuard.class.getMethod(name, Supplier.class);
            Timeout timeout = method.getAnnotation(Timeout.class);
            CircuitBreaker breaker = method.getAnnotation(CircuitBreaker.class);
            Bulkhead bulkhead = method.getAnnotation(Bulkhead.class);
            assertNotNull(timeout, name);
            assertNotNull(breaker, name);
            assertNotNull(bulkhead, name);
            assertEquals(ExternalSystemGuard.TIMEOUT_MS, timeout.value(), name);
            assertEquals(ExternalSystemGuard.VOLUME, breaker.requestVolumeThreshold(), name);
            assertEquals(ExternalSystemGuard.DELAY_MS, breaker.delay(), name);
            assertTrue(Arrays.asList(breaker.skipOn()).contains(BulkheadException.class),
                    name + ": the product's own bulkhead limit is not a failure of the system");
            assertEquals(ExternalSystemGuard.BULKHEAD, bulkhead.value(), name);
        }
    }

    private static String camelCase(String system) {
        String[] parts = system.split("-");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }
}
