package io.cpqoms.order.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * ERP message {@code order-request.v1}: a direct order with its idempotency key, captured as the direct
 * order API captures it (the same key with the same order is the same order; with another, a conflict).
 */
public record ErpOrderRequest(@NotBlank @Pattern(regexp = "[\\x21-\\x7E]{1,200}") String idempotencyKey,
                              @NotNull @Valid DirectOrder order) {
}
