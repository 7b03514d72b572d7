package io.cpqoms.order.api;

import io.cpqoms.catalog.api.AccountStandingUpdate;
import io.cpqoms.kernel.Limits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** ERP message {@code account-standing.v1}: what ERP states about an account, as the catalog records it. */
public record ErpAccountStanding(@NotBlank @Size(max = Limits.PARTY_ID) String accountId,
                                 @NotNull @Valid AccountStandingUpdate standing) {
}
