package io.cpqoms.order.api;

import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A billing trigger of an order (seed 002 section 17): what billing is told to do for which order line
 * and installed-base product ({@code productId}, {@code /inventory/products}), from which business
 * date, at which price (the line's price snapshot: {@code recurringPrice} for a subscription,
 * {@code oneTimeAmount} for a one-time charge), and the billing system's answer so far.
 * {@code attempt} counts the sendings; {@code acknowledgementDueAt} is when an unanswered trigger opens
 * a fallout case.
 */
public record BillingTriggerView(UUID id,
                                 UUID orderId,
                                 UUID orderLineId,
                                 String lineNumber,
                                 UUID productId,
                                 String customerId,
                                 String accountId,
                                 BillingTriggerKind kind,
                                 LocalDate effectiveDate,
                                 String currency,
                                 BigDecimal oneTimeAmount,
                                 List<RecurringTotal> recurringPrice,
                                 UUID priceSnapshotId,
                                 BillingTriggerStatus status,
                                 int attempt,
                                 Instant acknowledgementDueAt,
                                 String billingReference,
                                 String rejectionCode,
                                 String rejectionReason,
                                 Instant answeredAt,
                                 long entityVersion,
                                 Instant createdAt,
                                 Instant updatedAt) {
}
