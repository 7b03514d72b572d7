package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.util.List;

/** The price of one line: its charges and its one-time and recurring sums. */
public record LinePrice(String lineId,
                        String offeringId,
                        BigDecimal quantity,
                        List<Charge> charges,
                        BigDecimal oneTimeTotal,
                        List<RecurringTotal> recurringTotals) {

    public LinePrice {
        charges = charges == null ? List.of() : List.copyOf(charges);
        recurringTotals = recurringTotals == null ? List.of() : List.copyOf(recurringTotals);
    }
}
