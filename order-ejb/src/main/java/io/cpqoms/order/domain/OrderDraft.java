package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.order.api.OrderType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything an order is captured from: the header facts, the source quote evidence (when there is
 * one), the lines and the accepted price snapshot. Built by capture, checked by {@link OrderValidation}.
 */
public record OrderDraft(OrderType orderType,
                         String customerId,
                         String accountId,
                         UUID catalogVersionId,
                         UUID sourceQuoteId,
                         String sourceQuoteNumber,
                         Integer sourceQuoteRevision,
                         UUID acceptanceId,
                         Instant acceptedAt,
                         String acceptedBy,
                         String priority,
                         LocalDate requestedCompletionDate,
                         PriceSnapshot priceSnapshot,
                         List<LineDraft> lines) {

    public OrderDraft {
        lines = List.copyOf(lines);
    }

    public boolean fromQuote() {
        return sourceQuoteId != null;
    }
}
