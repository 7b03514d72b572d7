package io.cpqoms.catalog.api;

import java.math.BigDecimal;

/**
 * What an approval looks at, for a charge, a line or a whole snapshot: the list amount (list unit
 * price times quantity, before any step) against the net amount, the discount as an amount and a
 * percentage of list, and, where the catalog gives unit costs, the cost floor and the margin against
 * it as an amount and a percentage of the net amount of the costed charges. Whether a manual override
 * is part of it. Percentages have two decimals (HALF_UP); a percentage is null when its base is zero,
 * cost and margin are null when no charge has a unit cost. Lines and snapshots add up every charge
 * once, recurring charges with one period's amount.
 */
public record PriceSignals(BigDecimal listAmount,
                           BigDecimal netAmount,
                           BigDecimal discountAmount,
                           BigDecimal discountPercent,
                           BigDecimal costAmount,
                           BigDecimal marginAmount,
                           BigDecimal marginPercent,
                           boolean manualOverride) {
}
