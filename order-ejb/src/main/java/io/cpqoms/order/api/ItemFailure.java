package io.cpqoms.order.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.cpqoms.kernel.Limits;
/**
 * A worker's report that its responsible system refused or failed an item, normalised by the adapter
 * into a domain code (for example RESOURCE_UNAVAILABLE) and a message. {@code defect} is true when the
 * system found the request itself invalid: a defect on the product's side, whose fallout case is HIGH.
 */
public record ItemFailure(@NotBlank @Size(max = Limits.REFERENCE) String externalRequestId,
                          @NotBlank @Size(max = 80) @Pattern(regexp = Limits.CODE_PATTERN) String code,
                          @Size(max = Limits.TEXT) String message,
                          Boolean defect) {
}
