package io.cpqoms.order.api;

import io.cpqoms.kernel.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** ERP message {@code billing-acknowledgement.v1}: the billing system accepted a billing trigger under its own reference. */
public record ErpBillingAcknowledgement(@NotNull UUID triggerId,
                                        @NotBlank @Size(max = Limits.REFERENCE) String billingReference) {
}
