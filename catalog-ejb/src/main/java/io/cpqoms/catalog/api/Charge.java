package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/** One price definition applied to a line: unit amount from the catalog times quantity, rounded. */
public record Charge(String priceId,
                     String name,
                     PriceType priceType,
                     RecurringPeriod recurringPeriod,
                     BigDecimal unitAmount,
                     BigDecimal amount) {
}
