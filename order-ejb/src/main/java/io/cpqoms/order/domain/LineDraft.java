package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * An order line before capture, from a quote item or a direct order line: its place in the tree,
 * its accepted configuration and price, the quote line it traces back to, and the product of the
 * installed base it acts on: for an ADD line the product it will create, for any other line the
 * existing product and the version of it the change was computed from (the baseline).
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
                        LinePrice price,
                        UUID productId,
                        Long baselineVersion) {

    public LineDraft {
        if (productId == null && action == LineAction.ADD) {
            productId = UUID.randomUUID();
        }
    }

    /** A line that adds a new product. */
    public LineDraft(UUID id, UUID parentId, UUID sourceQuoteLineId, String lineNumber, LineAction action, String offeringId,
                     String offeringName, String productSpecificationId, BigDecimal quantity,
                     Map<String, String> characteristics, LinePrice price) {
        this(id, parentId, sourceQuoteLineId, lineNumber, action, offeringId, offeringName, productSpecificationId, quantity,
                characteristics, price, null, null);
    }

    /** The same line with its price from the order's snapshot. */
    public LineDraft priced(LinePrice linePrice) {
        return new LineDraft(id, parentId, sourceQuoteLineId, lineNumber, action, offeringId, offeringName,
                productSpecificationId, quantity, characteristics, linePrice, productId, baselineVersion);
    }
}
