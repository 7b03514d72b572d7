package io.cpqoms.order.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.UUID;

/**
 * The worker-facing commands: a worker reports what the responsible system did and the order context
 * decides what that means. Workers never write order tables. A repeated report of the same outcome
 * is a no-op.
 */
@Local
public interface FulfillmentCommands {

    FulfillmentItemView completeItem(CommandContext context, UUID orderId, UUID itemId, ItemCompletion completion);

    FulfillmentItemView failItem(CommandContext context, UUID orderId, UUID itemId, ItemFailure failure);

    /** Nothing of the request reached the system: the same request goes again after a backoff, within the budget. */
    FulfillmentItemView retryItemLater(CommandContext context, UUID orderId, UUID itemId, RetryableFailure failure);

    /** The request was sent and not answered: the system is asked about it on a timer, never sent it blind again. */
    FulfillmentItemView outcomeUnknown(CommandContext context, UUID orderId, UUID itemId, UnknownOutcome unknown);

    /** Break-glass: completes an item without its system's report, with a reason and an extra audit record. */
    FulfillmentItemView forceCompleteItem(CommandContext context, UUID orderId, UUID itemId, ForcedCompletion completion);
}
