package io.cpqoms.catalog.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Digits;
import io.cpqoms.kernel.Limits;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the system that owns an account (billing, ERP) states about it as of an instant: its customer,
 * the customer's segment and the outstanding debt. A statement older than the recorded one is ignored.
 */
public record AccountStandingUpdate(@Size(max = Limits.PARTY_ID) String customerId,
                                    @Size(max = 100) @Pattern(regexp = Limits.CODE_PATTERN) String customerSegment,
                                    @NotNull @PositiveOrZero @Digits(integer = 14, fraction = 4) BigDecimal outstandingDebt,
                                    @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                                    @NotNull Instant asOf) {
}
