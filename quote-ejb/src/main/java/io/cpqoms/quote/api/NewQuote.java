package io.cpqoms.quote.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import io.cpqoms.kernel.Limits;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A quote to start: for a customer and account, sold through a channel, pinned to a published catalog
 * version (the latest published one when none is named), valid until a date (30 days when none).
 */
public record NewQuote(@NotBlank @Size(max = Limits.PARTY_ID) String customerId,
                       @Size(max = Limits.PARTY_ID) String accountId,
                       @NotBlank @Size(max = 40) @Pattern(regexp = Limits.CODE_PATTERN) String channel,
                       UUID catalogVersionId,
                       LocalDate validUntil) {
}
