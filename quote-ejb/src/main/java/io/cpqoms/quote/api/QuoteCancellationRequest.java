package io.cpqoms.quote.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an open quote is cancelled. */
public record QuoteCancellationRequest(@NotBlank @Size(max = 500) String reason) {
}
