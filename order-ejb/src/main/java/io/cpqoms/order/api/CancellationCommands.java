package io.cpqoms.order.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.UUID;

/**
 * Cancellation (seed 000, sections 18-19): before fulfillment an order is cancelled at once; in
 * fulfillment it is CANCELLING until the work done is compensated. Work that cannot be compensated
 * is the point of no return.
 */
@Local
public interface CancellationCommands {

    OrderView cancel(CommandContext context, UUID orderId, CancellationRequest request);
}
