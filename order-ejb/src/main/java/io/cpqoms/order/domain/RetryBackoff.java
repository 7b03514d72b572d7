package io.cpqoms.order.domain;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to send a request again after a retryable failure (nothing reached the system): exponential
 * backoff from {@code base}, doubled for each retry and capped at {@code max}, with full jitter in its
 * upper half, so retries of many items after one outage spread out instead of arriving together.
 */
public record RetryBackoff(Duration base, Duration max, DoubleSupplier random) {

    public RetryBackoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 < base <= max, not " + base + " and " + max);
        }
    }

    /** The wait before retry number {@code retry} (1 for the first): between half and all of base * 2^(retry-1), at most max. */
    public Duration delay(int retry) {
        long ceiling = base.toMillis() << Math.min(Math.max(retry - 1, 0), 20);
        long capped = Math.min(ceiling, max.toMillis());
        return Duration.ofMillis(capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2)));
    }
}
