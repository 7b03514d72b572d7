package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One quote in a search: its latest revision's status and totals (currency and totals are null before
 * it is priced), the status of that revision's approval request (null before submission), its owner
 * and validity. Totals only: no costs or margins, so every reader of quotes gets the same list.
 */
public record QuoteSummary(UUID id,
                           String quoteNumber,
                           int revision,
                           QuoteStatus status,
                           String customerId,
                           String accountId,
                           String channel,
                           String owner,
                           LocalDate validUntil,
                           String currency,
                           BigDecimal oneTimeTotal,
                           List<RecurringTotal> recurringTotals,
                           ApprovalStatus approvalStatus,
                           Instant createdAt,
                           Instant updatedAt) {

    public QuoteSummary {
        recurringTotals = recurringTotals == null ? List.of() : List.copyOf(recurringTotals);
    }
}
