package io.cpqoms.catalog.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A calculated price, kept as evidence: every line with its charges, the totals, the currency and the
 * catalog version whose price definitions produced it. Acceptance and orders use the stored snapshot,
 * never a recalculation.
 */
public record PriceSnapshot(UUID priceSnapshotId,
                            UUID catalogVersionId,
                            Instant pricedAt,
                            String currency,
                            List<LinePrice> lines,
                            BigDecimal oneTimeTotal,
                            List<RecurringTotal> recurringTotals) {

    public PriceSnapshot {
        lines = lines == null ? List.of() : List.copyOf(lines);
        recurringTotals = recurringTotals == null ? List.of() : List.copyOf(recurringTotals);
    }

    public LinePrice line(String lineId) {
        return lines.stream().filter(l -> l.lineId().equals(lineId)).findFirst().orElse(null);
    }
}
