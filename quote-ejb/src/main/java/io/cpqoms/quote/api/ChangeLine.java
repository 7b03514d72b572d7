package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a change computed from the installed base: what it does to which product (and the
 * product's version it was computed from), the product as it will be, and the recurring price the
 * product has now. Lines come parents first; {@code parent} is the index of the line's parent in the
 * list, -1 for the top.
 */
public record ChangeLine(int parent,
                         LineAction action,
                         UUID productId,
                         long baselineVersion,
                         String offeringId,
                         String offeringName,
                         String productSpecificationId,
                         BigDecimal quantity,
                         Map<String, String> characteristics,
                         List<RecurringTotal> previousRecurring) {
}
