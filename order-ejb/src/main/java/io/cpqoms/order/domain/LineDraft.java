package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * An order line before capture, from a quote item or a direct order line: its place in the tree,
 * its accepted configuration and price, and the quote line it traces back to.
 */
public record LineDraft(UUID id,
                        UUID parentId,
                        UUID sourceQuoteLineId,
                        String lineNumber,
                        LineAction action,
                        String offeringId,
                        String offeringName,
                        String productSpecificationId,
                        BigDecimal quantity,
                        Map<String, String> characteristics,
                        LinePrice price) {
}
