package io.cpqoms.quote.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Digits;
import io.cpqoms.kernel.Limits;
import java.math.BigDecimal;

/**
 * A manual override of one charge of a quote item: the id of the price definition (of the item's
 * offering) whose charge it overrides, the new net amount of that charge for the item's whole
 * quantity (before tax, in the price's currency, at most as many decimals as the currency has), and
 * why. The caller is recorded as its actor.
 */
public record PriceOverrideRequest(@NotBlank @Size(max = Limits.CATALOG_ID) String priceId,
                                   @NotNull @Digits(integer = 14, fraction = 4) BigDecimal amount,
                                   @NotBlank @Size(max = Limits.TEXT) String reason) {
}
