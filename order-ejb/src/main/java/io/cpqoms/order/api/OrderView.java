package io.cpqoms.order.api;

import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order as its operators see it: header, source quote evidence, lines, totals and last validation;
 * the completion date it is committed to since planning and whether it is in jeopardy.
 */
public record OrderView(UUID id,
                        String orderNumber,
                        OrderType orderType,
                        OrderStatus status,
                        String customerId,
                        String accountId,
                        UUID catalogVersionId,
                        UUID sourceQuoteId,
                        String sourceQuoteNumber,
                        Integer sourceQuoteRevision,
                        UUID acceptanceId,
                        String priority,
                        LocalDate requestedCompletionDate,
                        String currency,
                        BigDecimal oneTimeTotal,
                        List<RecurringTotal> recurringTotals,
                        List<OrderLineView> lines,
                        ValidationResultView validation,
                        Cancellation cancellation,
                        long entityVersion,
                        String createdBy,
                        Instant createdAt,
                        Instant updatedAt,
                        Instant completedAt,
                        Instant committedCompletionAt,
                        Jeopardy jeopardy) {

    /** Who asked for the cancellation, when, why, and on whose initiative; null for an order not cancelled. */
    public record Cancellation(String requestedBy, Instant requestedAt, String reason, CancellationRequest.Initiator initiator) {
    }
}
