package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/**
 * A price definition of an offering (not a calculated price): a one-time or recurring charge in a
 * currency. Recurring charges name their period.
 */
public record ProductOfferingPrice(String id,
                                   String name,
                                   PriceType priceType,
                                   RecurringPeriod recurringPeriod,
                                   BigDecimal amount,
                                   String currency) {
}
