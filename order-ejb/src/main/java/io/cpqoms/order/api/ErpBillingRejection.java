package io.cpqoms.order.api;

import io.cpqoms.kernel.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** ERP message {@code billing-rejection.v1}: the billing system refused a billing trigger, with its code and reason. */
public record ErpBillingRejection(@NotNull UUID triggerId,
                                  @NotBlank @Size(max = 100) @Pattern(regexp = Limits.CODE_PATTERN) String code,
                                  @NotBlank @Size(max = Limits.TEXT) String reason) {
}
