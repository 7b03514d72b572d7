package io.cpqoms.order.domain;

import java.time.Duration;

/**
 * How long the billing system has to answer a billing trigger before a billing fallout case opens for
 * it (nothing waits silently): {@code cpq.billing.acknowledgement-timeout-ms}.
 */
public record BillingPolicy(Duration acknowledgementTimeout) {

    /** The production default: a day, time for a billing system's daily run. */
    public static final BillingPolicy DEFAULT = new BillingPolicy(Duration.ofDays(1));

    public BillingPolicy {
        if (acknowledgementTimeout == null || acknowledgementTimeout.isNegative() || acknowledgementTimeout.isZero()) {
            throw new IllegalArgumentException("a billing acknowledgement timeout above zero: " + acknowledgementTimeout);
        }
    }
}
