package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/**
 * What an approval looks at, for a line or a whole snapshot: the list amount (list unit prices times
 * quantities, before any step) against the net amount, the discount as an amount and a percentage of
 * list, and, where the catalog gives unit costs, the cost floor (unit cost times quantity) and the
 * margin against it as an amount and a percentage of the net amount of the costed charges; whether a
 * manual override is part of it. Every one-time and recurring charge counts once (a recurring charge
 * with one period's amount); usage charges count at zero and without cost. Percentages have two
 * decimals (HALF_UP); a percentage is null when its base is zero, cost and margin are null when no
 * charge has a unit cost.
 */
public record PriceSignals(BigDecimal listAmount,
                           BigDecimal netAmount,
                           BigDecimal discountAmount,
                           BigDecimal discountPercent,
                           BigDecimal costAmount,
                           BigDecimal marginAmount,
                           BigDecimal marginPercent,
                           boolean manualOverride) {

    /** The signals without cost and margin, for readers who see prices but not what they cost the provider. */
    public PriceSignals withoutCosts() {
        return new PriceSignals(listAmount, netAmount, discountAmount, discountPercent, null, null, null, manualOverride);
    }
}
