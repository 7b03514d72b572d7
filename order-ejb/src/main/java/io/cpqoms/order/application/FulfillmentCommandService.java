package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.ForcedCompletion;
import io.cpqoms.order.api.FulfillmentCommands;
import io.cpqoms.order.api.FulfillmentItemView;
import io.cpqoms.order.api.ItemCompletion;
import io.cpqoms.order.api.ItemFailure;
import io.cpqoms.order.api.RetryableFailure;
import io.cpqoms.order.api.UnknownOutcome;
import io.cpqoms.order.domain.RetryBackoff;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Item outcomes reported by workers (seed 000, section 25) and break-glass completions: each loads the
 * order locked, lets it decide, and saves it. Concurrent reports for one order are applied one after
 * the other, so the last one completes the order exactly once.
 */
@Stateless
public class FulfillmentCommandService implements FulfillmentCommands {

    public static final String INVALID_FORCED_COMPLETION = "INVALID_FORCED_COMPLETION";

    @Inject
    private OrderRepository orders;

    @Override
    public FulfillmentItemView completeItem(CommandContext context, UUID orderId, UUID itemId, ItemCompletion completion) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentItem item = order.itemCompleted(itemId, completion.externalRequestId(), completion.externalReference(),
                completion.result(), Instant.now());
        orders.save(order, context, item.externalRequestId());
        return item.view();
    }

    @Override
    public FulfillmentItemView failItem(CommandContext context, UUID orderId, UUID itemId, ItemFailure failure) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentItem item = order.itemFailed(itemId, failure.externalRequestId(), failure.code(), failure.message(),
                Boolean.TRUE.equals(failure.defect()), Instant.now());
        orders.save(order, context, item.externalRequestId());
        return item.view();
    }

    @Override
    public FulfillmentItemView retryItemLater(CommandContext context, UUID orderId, UUID itemId, RetryableFailure failure) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentItem item = order.itemRetryable(itemId, failure.externalRequestId(), failure.reason(), backoff(),
                Instant.now());
        orders.save(order, context, item.externalRequestId());
        return item.view();
    }

    @Override
    public FulfillmentItemView outcomeUnknown(CommandContext context, UUID orderId, UUID itemId, UnknownOutcome unknown) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentItem item = order.itemOutcomeUnknown(itemId, unknown.externalRequestId(), unknown.reason(), backoff(),
                ConfigProvider.getConfig().getOptionalValue("cpq.fulfillment.unknown-outcome.polls", Integer.class).orElse(5),
                Instant.now());
        orders.save(order, context, item.externalRequestId());
        return item.view();
    }

    /**
     * The retry backoff from MicroProfile Config: {@code cpq.fulfillment.retry.base-ms} (30 s) doubling
     * up to {@code cpq.fulfillment.retry.max-ms} (15 min), for retries and for the status queries of an
     * unknown outcome (at most {@code cpq.fulfillment.unknown-outcome.polls}, 5); the demo and test
     * stacks use seconds.
     */
    static RetryBackoff backoff() {
        Config config = ConfigProvider.getConfig();
        return new RetryBackoff(
                Duration.ofMillis(config.getOptionalValue("cpq.fulfillment.retry.base-ms", Long.class).orElse(30_000L)),
                Duration.ofMillis(config.getOptionalValue("cpq.fulfillment.retry.max-ms", Long.class).orElse(900_000L)),
                ThreadLocalRandom.current()::nextDouble);
    }

    @Override
    public FulfillmentItemView forceCompleteItem(CommandContext context, UUID orderId, UUID itemId, ForcedCompletion completion) {
        if (completion == null || completion.reason() == null || completion.reason().isBlank()) {
            throw DomainException.invalidInput(INVALID_FORCED_COMPLETION, "A forced completion states its reason.");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentItem item = order.forceComplete(itemId, context.actor(), completion.reason().strip(),
                completion.externalReference(), Instant.now());
        orders.save(order, context, "force-completion:" + item.id());
        return item.view();
    }
}
