package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/** One volume tier of a price: the unit amount for quantities in [fromQuantity, toQuantity); no upper bound when toQuantity is null. */
public record PriceTier(BigDecimal fromQuantity, BigDecimal toQuantity, BigDecimal unitAmount) {
}
