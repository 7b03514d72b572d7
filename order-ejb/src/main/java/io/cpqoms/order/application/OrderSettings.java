package io.cpqoms.order.application;

import io.cpqoms.order.domain.BillingPolicy;
import io.cpqoms.order.domain.FalloutDeadlines;
import io.cpqoms.order.domain.RetryBackoff;
import io.cpqoms.order.domain.SlaPolicy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The order's durations from MicroProfile Config, with their production defaults; the demo and test
 * stacks set seconds (server-config/bin/cpq). Documented in docs/operations.md.
 * <ul>
 *   <li>{@code cpq.fulfillment.retry.base-ms} (30 s) doubling up to {@code cpq.fulfillment.retry.max-ms}
 *       (15 min): the backoff of retries and of the status queries of an unknown outcome;</li>
 *   <li>{@code cpq.fulfillment.unknown-outcome.polls} (5): how often a system is asked about a request
 *       whose outcome is unknown;</li>
 *   <li>{@code cpq.fallout.customer-wait-ms} (3 days): how long a case waits for the customer's answer;</li>
 *   <li>{@code cpq.fallout.escalation-response-ms} (4 hours): how long the escalation desk has to take a
 *       case up before it escalates again;</li>
 *   <li>{@code cpq.billing.acknowledgement-timeout-ms} (1 day): how long the billing system has to answer a
 *       billing trigger before a billing fallout case opens;</li>
 *   <li>{@code cpq.sla.time-scale} (1): multiplies the catalog's expected durations (a demo stack makes
 *       hours seconds), and {@code cpq.sla.warning-ratio} (0.8): how much of the committed span passes
 *       before the completion warning.</li>
 * </ul>
 */
public final class OrderSettings {

    private OrderSettings() {
    }

    static RetryBackoff backoff() {
        return new RetryBackoff(millis("cpq.fulfillment.retry.base-ms", 30_000L), millis("cpq.fulfillment.retry.max-ms", 900_000L),
                ThreadLocalRandom.current()::nextDouble);
    }

    static int unknownOutcomePolls() {
        return config().getOptionalValue("cpq.fulfillment.unknown-outcome.polls", Integer.class).orElse(5);
    }

    static FalloutDeadlines falloutDeadlines() {
        return new FalloutDeadlines(millis("cpq.fallout.customer-wait-ms", Duration.ofDays(3).toMillis()),
                millis("cpq.fallout.escalation-response-ms", Duration.ofHours(4).toMillis()));
    }

    static SlaPolicy sla() {
        return new SlaPolicy(config().getOptionalValue("cpq.sla.time-scale", Double.class).orElse(1.0),
                config().getOptionalValue("cpq.sla.warning-ratio", Double.class).orElse(0.8));
    }

    public static BillingPolicy billing() {
        return new BillingPolicy(millis("cpq.billing.acknowledgement-timeout-ms", BillingPolicy.DEFAULT.acknowledgementTimeout().toMillis()));
    }

    private static Duration millis(String key, long defaultMillis) {
        return Duration.ofMillis(config().getOptionalValue(key, Long.class).orElse(defaultMillis));
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
