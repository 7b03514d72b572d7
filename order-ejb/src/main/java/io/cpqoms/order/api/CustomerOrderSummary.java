package io.cpqoms.order.api;

import java.time.Instant;
import java.util.UUID;

/** An order in a customer-facing list: its customer-facing status, nothing of the process. */
public record CustomerOrderSummary(UUID id, String orderNumber, OrderType orderType, CustomerOrderStatus status,
                                   String customerId, String sourceQuoteNumber, Instant createdAt, Instant completedAt) {
}
