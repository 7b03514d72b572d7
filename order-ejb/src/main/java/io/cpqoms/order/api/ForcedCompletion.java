package io.cpqoms.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.cpqoms.kernel.Limits;
/**
 * A break-glass completion of a fulfillment item the responsible system cannot report: the reason is
 * required; the external reference names the work done outside the system, when there is one.
 */
public record ForcedCompletion(@NotBlank @Size(max = Limits.TEXT) String reason,
                               @Size(max = Limits.REFERENCE) String externalReference) {
}
