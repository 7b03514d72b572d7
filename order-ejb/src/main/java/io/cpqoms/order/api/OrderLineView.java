package io.cpqoms.order.api;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** One commercial order line: what the customer bought, with its accepted configuration and price. */
public record OrderLineView(UUID id,
                            UUID parentLineId,
                            UUID sourceQuoteLineId,
                            String lineNumber,
                            LineAction action,
                            String status,
                            String fulfillmentStatus,
                            String offeringId,
                            String offeringName,
                            String productSpecificationId,
                            BigDecimal quantity,
                            Map<String, String> characteristics,
                            LinePrice price) {
}
