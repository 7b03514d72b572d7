package io.cpqoms.order.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;

/** Convert an accepted quote into an order: which quote, which accepted revision, which acceptance. */
public record QuoteConversion(@NotNull UUID quoteId, @NotNull @Positive Integer revision, @NotNull UUID acceptanceId) {
}
