package io.cpqoms.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.cpqoms.kernel.Limits;
/** Why an order is cancelled and on whose initiative (seed 000, section 18). */
public record CancellationRequest(@NotBlank @Size(max = Limits.TEXT) String reason, @NotNull Initiator initiator) {

    public enum Initiator { CUSTOMER, INTERNAL }
}
