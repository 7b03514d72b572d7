package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static RetryBackoff backoff(double random) {
        return new RetryBackoff(Duration.ofSeconds(30), Duration.ofMinutes(15), () -> random);
    }

    @Test
    void eachRetryWaitsTwiceAsLongUpToTheCap() {
        assertEquals(Duration.ofSeconds(30), backoff(1.0).delay(1));
        assertEquals(Duration.ofSeconds(60), backoff(1.0).delay(2));
        assertEquals(Duration.ofSeconds(120), backoff(1.0).delay(3));
        assertEquals(Duration.ofMinutes(15), backoff(1.0).delay(10));
        assertEquals(Duration.ofMinutes(15), backoff(1.0).delay(500), "no overflow for a long series");
    }

    @Test
    void jitterSpreadsRetriesOverTheUpperHalf() {
        assertEquals(Duration.ofSeconds(15), backoff(0.0).delay(1));
        assertEquals(Duration.ofSeconds(45), backoff(0.5).delay(2));
        assertEquals(Duration.ofMillis(450_000), backoff(0.0).delay(12));
    }

    @Test
    void aBackoffNeedsAPositiveBaseBelowItsCap() {
        assertThrows(IllegalArgumentException.class, () -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0));
    }
}
