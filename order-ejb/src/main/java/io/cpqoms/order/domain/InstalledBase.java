package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The projection of a completed order into the installed base (seed 000 section 21): every line that
 * ADDs a product becomes an ACTIVE asset holding the line's offering, specification, characteristic
 * values and the recurring price of the order's price snapshot for that line, starting on the day the
 * line's fulfillment completed (UTC; the effective date of its billing triggers). A bundle's children become assets linked to their parent's asset, so the line
 * tree is kept. The other line actions change existing assets and come with change orders.
 */
public final class InstalledBase {

    private InstalledBase() {
    }

    /** The assets an order's completion creates, parents before children (the lines' order). */
    public static List<ProductAsset> install(CustomerOrder order, Instant completedAt) {
        PriceSnapshot price = order.price();
        String currency = price == null ? order.currency() : price.currency();
        Map<UUID, UUID> assetOfLine = new HashMap<>();
        order.lines().forEach(line -> assetOfLine.put(line.id(), line.productId()));
        List<ProductAsset> assets = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            if (line.action() != LineAction.ADD) {
                continue;
            }
            UUID assetId = line.productId();
            LinePrice linePrice = line.price();
            Instant lineCompleted = line.completedAt() == null ? completedAt : line.completedAt();
            LocalDate start = lineCompleted.atZone(ZoneOffset.UTC).toLocalDate();
            assets.add(ProductAsset.install(new ProductAsset.Installation(assetId, order.tenantId(), order.customerId(),
                    order.accountId(), line.parentLineId() == null ? null : assetOfLine.get(line.parentLineId()),
                    line.offeringId(), line.offeringName(), line.productSpecificationId(), line.quantity(),
                    line.characteristics(), currency, linePrice == null ? List.of() : linePrice.recurringTotals(), start,
                    new ProductAsset.OrderRef(order.id(), order.orderNumber(), line.id()), order.sourceQuoteId(),
                    order.sourceQuoteNumber(), order.sourceQuoteRevision()), completedAt));
        }
        return assets;
    }
}
