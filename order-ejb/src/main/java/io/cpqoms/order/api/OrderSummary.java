package io.cpqoms.order.api;

import java.time.Instant;
import java.util.UUID;

/** An order in a list. */
public record OrderSummary(UUID id, String orderNumber, OrderType orderType, OrderStatus status, String customerId,
                           String sourceQuoteNumber, Instant createdAt, Instant completedAt) {
}
