package io.cpqoms.quote.api;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a quote's line tree, as snapshot from the pinned catalog version: a bundle's children
 * point at their parent and carry dotted line numbers (1, 1.1, 1.2, ...).
 */
public record QuoteItemView(UUID id,
                            UUID parentItemId,
                            String lineNumber,
                            String offeringId,
                            String offeringName,
                            String productSpecificationId,
                            BigDecimal quantity,
                            Map<String, String> characteristics) {
}
