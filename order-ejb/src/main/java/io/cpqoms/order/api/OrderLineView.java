package io.cpqoms.order.api;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One commercial order line: what the customer bought, with its accepted configuration and price, and
 * the installed-base product it creates (ADD) or acts on ({@code productId}, {@code /inventory/products}),
 * and when it took effect ({@code effectiveAt}: its items on the billing system done; the effective date
 * of its billing triggers and of its product's start or end).
 */
public record OrderLineView(UUID id,
                            UUID parentLineId,
                            UUID sourceQuoteLineId,
                            String lineNumber,
                            LineAction action,
                            UUID productId,
                            String status,
                            String fulfillmentStatus,
                            String offeringId,
                            String offeringName,
                            String productSpecificationId,
                            BigDecimal quantity,
                            Map<String, String> characteristics,
                            LinePrice price,
                            Instant effectiveAt) {
}
