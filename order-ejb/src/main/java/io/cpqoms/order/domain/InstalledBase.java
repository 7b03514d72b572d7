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
 * line took effect (UTC; the effective date of its billing triggers). A bundle's children become
 * assets linked to their parent's asset, so the line tree is kept (a product added to an existing
 * bundle hangs under the bundle's product). The other line actions change the existing products they
 * name: MODIFY takes the line's configuration and recurring price, DELETE terminates the product on
 * the day its line took effect, SUSPEND and RESUME move its status, NO_CHANGE leaves it as it is.
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
            LocalDate start = effectiveDay(line, completedAt);
            assets.add(ProductAsset.install(new ProductAsset.Installation(assetId, order.tenantId(), order.customerId(),
                    order.accountId(), line.parentLineId() == null ? null : assetOfLine.get(line.parentLineId()),
                    line.offeringId(), line.offeringName(), line.productSpecificationId(), line.quantity(),
                    line.characteristics(), currency, linePrice == null ? List.of() : linePrice.recurringTotals(), start,
                    new ProductAsset.OrderRef(order.id(), order.orderNumber(), line.id()), order.sourceQuoteId(),
                    order.sourceQuoteNumber(), order.sourceQuoteRevision()), completedAt));
        }
        return assets;
    }

    /** What the order's lines other than ADD do to the products they name, in line order. */
    public static List<ProductAsset.Change> change(CustomerOrder order, Map<UUID, ProductAsset> products, Instant completedAt) {
        List<ProductAsset.Change> changes = new ArrayList<>();
        for (OrderLine line : order.lines()) {
            if (line.action() == LineAction.ADD || line.action() == LineAction.NO_CHANGE) {
                continue;
            }
            ProductAsset product = products.get(line.productId());
            if (product == null) {
                throw new IllegalStateException("order " + order.orderNumber() + " acts on product " + line.productId()
                        + ", which was not loaded with it");
            }
            ProductAsset.OrderRef by = new ProductAsset.OrderRef(order.id(), order.orderNumber(), line.id());
            switch (line.action()) {
                case MODIFY:
                    LinePrice price = line.price();
                    changes.add(product.modify(line.characteristics(), price == null ? product.recurringPrice()
                            : price.recurringTotals(), by, completedAt));
                    break;
                case DELETE:
                    LocalDate day = effectiveDay(line, completedAt);
                    changes.add(product.terminate(by, day.isBefore(product.startDate()) ? product.startDate() : day,
                            completedAt));
                    break;
                case SUSPEND:
                    changes.add(product.suspend(by, completedAt));
                    break;
                case RESUME:
                    changes.add(product.resume(by, completedAt));
                    break;
                default:
                    throw new IllegalStateException(line.action().name());
            }
        }
        return changes;
    }

    /** The UTC day the line took effect (the effective date of its billing), or of the order's completion. */
    private static LocalDate effectiveDay(OrderLine line, Instant completedAt) {
        return (line.effectiveAt() == null ? completedAt : line.effectiveAt()).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
