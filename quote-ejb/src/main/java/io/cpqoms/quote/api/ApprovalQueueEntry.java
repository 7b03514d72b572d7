package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One approval request waiting for the caller: the quote and revision it is bound to (with its price
 * snapshot), the level and role it waits for, the level the chain must reach, the rules that triggered
 * with their evidence, who asked and when, the quote's totals and validity.
 */
public record ApprovalQueueEntry(UUID approvalId,
                                 UUID quoteId,
                                 String quoteNumber,
                                 int revision,
                                 UUID priceSnapshotId,
                                 String customerId,
                                 ApprovalStatus status,
                                 int requiredLevel,
                                 Integer nextLevel,
                                 String nextRole,
                                 List<ApprovalTrigger> triggers,
                                 String requestedBy,
                                 Instant requestedAt,
                                 LocalDate validUntil,
                                 String currency,
                                 BigDecimal oneTimeTotal,
                                 List<RecurringTotal> recurringTotals) {

    public ApprovalQueueEntry {
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        recurringTotals = recurringTotals == null ? List.of() : List.copyOf(recurringTotals);
    }
}
