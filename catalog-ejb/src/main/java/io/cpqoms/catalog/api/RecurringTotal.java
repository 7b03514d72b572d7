package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/** The sum of recurring charges billed for one period. */
public record RecurringTotal(RecurringPeriod period, BigDecimal amount) {
}
