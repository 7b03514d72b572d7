package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.util.List;

/**
 * The price of one line: its charges and its one-time and recurring sums (usage charges are in
 * neither), the line of its bundle, and its approval signals over all its charges.
 */
public record LinePrice(String lineId,
                        String offeringId,
                        BigDecimal quantity,
                        List<Charge> charges,
                        BigDecimal oneTimeTotal,
                        List<RecurringTotal> recurringTotals,
                        String parentLineId,
                        PriceSignals signals) {

    @JsonbCreator
    public LinePrice {
        charges = charges == null ? List.of() : List.copyOf(charges);
        recurringTotals = recurringTotals == null ? List.of() : List.copyOf(recurringTotals);
    }

    public LinePrice(String lineId, String offeringId, BigDecimal quantity, List<Charge> charges,
                     BigDecimal oneTimeTotal, List<RecurringTotal> recurringTotals) {
        this(lineId, offeringId, quantity, charges, oneTimeTotal, recurringTotals, null, null);
    }

    /** This line without cost and margin (see {@link PriceSignals#withoutCosts()}). */
    public LinePrice withoutCosts() {
        return new LinePrice(lineId, offeringId, quantity, charges, oneTimeTotal, recurringTotals, parentLineId,
                signals == null ? null : signals.withoutCosts());
    }
}
