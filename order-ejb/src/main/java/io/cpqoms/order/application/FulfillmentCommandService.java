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
        FulfillmentItem item = order.itemRetryable(itemId, failure.externalRequestId(), failure.reason(), OrderSettings.backoff(),
                Instant.now());
        orders.save(order, context, item.externalRequestId());
        return item.view();
    }

    @Override
    public FulfillmentItemView outcomeUnknown(CommandContext context, UUID orderId, UUID itemId, UnknownOutcome unknown) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FulfillmentItem item = order.itemOutcomeUnknown(itemId, unknown.externalRequestId(), unknown.reason(), OrderSettings.backoff(),
                OrderSettings.unknownOutcomePolls(),
                Instant.now());
        orders.save(order, context, item.externalRequestId());
        return item.view();
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
