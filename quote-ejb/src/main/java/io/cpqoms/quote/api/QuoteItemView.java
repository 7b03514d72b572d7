package io.cpqoms.quote.api;

import io.cpqoms.catalog.api.PriceOverride;
import jakarta.json.bind.annotation.JsonbCreator;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line of a quote's line tree, as snapshot from the pinned catalog version: a bundle's children
 * point at their parent and carry dotted line numbers (1, 1.1, 1.2, ...). The manual price overrides
 * of its charges (one per price, with actor, reason and time) are applied when the quote is priced.
 * An item of a change quote acts on a product of the installed base ({@code action} other than ADD,
 * {@code productId}, the product's version it was computed from, and the recurring price the product has
 * now) and, once priced, {@code recurringChange}: the change in its recurring charges per period, what
 * it will cost less what the product costs now (minus all of it for a DELETE).
 */
public record QuoteItemView(UUID id,
                            UUID parentItemId,
                            String lineNumber,
                            String offeringId,
                            String offeringName,
                            String productSpecificationId,
                            BigDecimal quantity,
                            Map<String, String> characteristics,
                            List<PriceOverride> priceOverrides,
                            LineAction action,
                            UUID productId,
                            Long baselineVersion,
                            List<RecurringTotal> previousRecurringTotals,
                            List<RecurringTotal> recurringChange) {

    @JsonbCreator
    public QuoteItemView {
        priceOverrides = priceOverrides == null ? List.of() : List.copyOf(priceOverrides);
    }

    public QuoteItemView(UUID id, UUID parentItemId, String lineNumber, String offeringId, String offeringName,
                         String productSpecificationId, BigDecimal quantity, Map<String, String> characteristics) {
        this(id, parentItemId, lineNumber, offeringId, offeringName, productSpecificationId, quantity, characteristics,
                List.of(), LineAction.ADD, null, null, null, null);
    }
}
