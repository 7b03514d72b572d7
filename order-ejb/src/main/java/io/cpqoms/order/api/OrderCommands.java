package io.cpqoms.order.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;

/**
 * Order capture. Each call is one transaction writing the order header, its line tree, the audit
 * entry and the outbox messages. Capture is idempotent on (tenant, acceptance id) and on the
 * caller's idempotency key: a repeated or concurrent request returns the same order.
 */
@Local
public interface OrderCommands {

    CaptureResult captureFromQuote(CommandContext context, QuoteConversion request, String idempotencyKey);

    CaptureResult captureDirect(CommandContext context, DirectOrder request, String idempotencyKey);
}
