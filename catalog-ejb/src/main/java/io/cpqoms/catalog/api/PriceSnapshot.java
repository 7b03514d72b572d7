package io.cpqoms.catalog.api;

import jakarta.json.bind.annotation.JsonbCreator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A calculated price, kept as evidence: every line with its charges and their breakdowns, the totals,
 * the currency and the catalog version whose price definitions produced it, the approval signals over
 * the whole snapshot, the tax placeholder (its rate and amounts, never part of the totals) and the
 * name of the pricing method. Acceptance and orders use the stored snapshot, never a recalculation.
 */
public record PriceSnapshot(UUID priceSnapshotId,
                            UUID catalogVersionId,
                            Instant pricedAt,
                            String currency,
                            List<LinePrice> lines,
                            BigDecimal oneTimeTotal,
                            List<RecurringTotal> recurringTotals,
                            PriceSignals signals,
                            BigDecimal taxRatePercent,
                            BigDecimal oneTimeTaxTotal,
                            List<RecurringTotal> recurringTaxTotals,
                            String pricingMethod) {

    @JsonbCreator
    public PriceSnapshot {
        lines = lines == null ? List.of() : List.copyOf(lines);
        recurringTotals = recurringTotals == null ? List.of() : List.copyOf(recurringTotals);
        recurringTaxTotals = recurringTaxTotals == null ? List.of() : List.copyOf(recurringTaxTotals);
    }

    public PriceSnapshot(UUID priceSnapshotId, UUID catalogVersionId, Instant pricedAt, String currency,
                         List<LinePrice> lines, BigDecimal oneTimeTotal, List<RecurringTotal> recurringTotals) {
        this(priceSnapshotId, catalogVersionId, pricedAt, currency, lines, oneTimeTotal, recurringTotals, null, null,
                null, List.of(), null);
    }

    /** The line with that id, or null; a linear search, so callers that look up many lines index them once. */
    public LinePrice line(String lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElse(null);
    }

    /**
     * The snapshot without cost and margin, for customer-facing readers: the provider's unit costs and
     * margins are approval signals, not something a customer-service view shows.
     */
    public PriceSnapshot withoutCosts() {
        return new PriceSnapshot(priceSnapshotId, catalogVersionId, pricedAt, currency,
                lines.stream().map(LinePrice::withoutCosts).toList(), oneTimeTotal, recurringTotals,
                signals == null ? null : signals.withoutCosts(), taxRatePercent, oneTimeTaxTotal, recurringTaxTotals,
                pricingMethod);
    }
}
