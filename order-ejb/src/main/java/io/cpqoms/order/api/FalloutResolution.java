package io.cpqoms.order.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.cpqoms.kernel.Limits;
/**
 * Resolves a fallout case by a command, never by editing order data (seed 000, section 17).
 * RETRY_ITEM sends the failed fulfillment item (or its failed compensation) to its responsible
 * system again, as a new attempt with a new external request id.
 */
public record FalloutResolution(@NotNull Action action, @Size(max = Limits.TEXT) String note) {

    public enum Action { RETRY_ITEM }
}
