package io.cpqoms.order.api;

import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The customer-facing view of an order (seed 000, sections 29-30): what was ordered, its
 * customer-facing status and totals, the milestones reached and, while it is being fulfilled, its
 * estimated completion (the committed date); no external references, fulfillment items or process
 * internals.
 */
public record CustomerOrderView(UUID id,
                                String orderNumber,
                                String status,
                                String customerId,
                                String sourceQuoteNumber,
                                String currency,
                                BigDecimal oneTimeTotal,
                                List<RecurringTotal> recurringTotals,
                                List<Line> lines,
                                ActionRequired actionRequired,
                                Instant createdAt,
                                Instant completedAt,
                                Instant estimatedCompletion,
                                List<MilestoneView> milestones) {

    public static final String WAITING_FOR_YOUR_ACTION = "Waiting for your action";

    /** The order waits for the customer: a headline and each thing asked. */
    public record ActionRequired(String headline, List<String> requests) {
    }

    public record Line(String lineNumber, String offeringName, java.math.BigDecimal quantity,
                       Map<String, String> characteristics, String status) {
    }
}
