package io.cpqoms.order.application;

import io.cpqoms.catalog.api.ConfigurationRequest;
import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.order.domain.LineDraft;
import io.cpqoms.quote.api.QuoteItemView;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Order line trees: built from quote items or configured products, and read back as configuration requests. */
final class OrderLines {

    private OrderLines() {
    }

    /**
     * A quote's items become lines with the same tree, numbers, configuration and accepted price; the
     * items of a change quote keep their action, the product they act on and its baseline version.
     */
    static List<LineDraft> fromQuote(List<QuoteItemView> items, PriceSnapshot price) {
        Map<UUID, UUID> lineOfItem = new HashMap<>();
        Map<String, LinePrice> prices = byLineId(price);
        List<LineDraft> lines = new ArrayList<>();
        for (QuoteItemView item : items) {
            UUID lineId = UUID.randomUUID();
            lineOfItem.put(item.id(), lineId);
            LinePrice linePrice = prices.get(item.id().toString());
            lines.add(new LineDraft(lineId, item.parentItemId() == null ? null : lineOfItem.get(item.parentItemId()),
                    item.id(), item.lineNumber(), item.action() == null ? LineAction.ADD : item.action(), item.offeringId(),
                    item.offeringName(), item.productSpecificationId(), item.quantity(), item.characteristics(), linePrice,
                    item.productId(), item.baselineVersion()));
        }
        return lines;
    }

    /** The line actions whose lines are priced: the products the customer will have after the order. */
    static final java.util.Set<LineAction> PRICED = java.util.EnumSet.of(LineAction.ADD, LineAction.MODIFY, LineAction.NO_CHANGE);

    /** A configured product (with its children) becomes ADD lines numbered n, n.1, n.2, ... */
    static List<LineDraft> fromProduct(ConfiguredProduct product, String number) {
        List<LineDraft> lines = new ArrayList<>();
        add(product, null, number, lines);
        return lines;
    }

    /** A product the lines name more than once (two request lines reaching the same bundle member). */
    static List<io.cpqoms.kernel.Violation> productsNamedTwice(List<LineDraft> lines) {
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        return lines.stream().filter(l -> !seen.add(l.productId()))
                .map(l -> new io.cpqoms.kernel.Violation(io.cpqoms.order.domain.ChangeOrders.PRODUCT_NAMED_TWICE,
                        "lines[" + l.lineNumber() + "]", "Product " + l.productId() + " is acted on by more than one line."))
                .toList();
    }

    private static void add(ConfiguredProduct product, UUID parentId, String number, List<LineDraft> lines) {
        UUID id = UUID.randomUUID();
        lines.add(new LineDraft(id, parentId, null, number, LineAction.ADD, product.offeringId(), product.offeringName(),
                product.productSpecificationId(), product.quantity(), product.characteristics(), null));
        for (int i = 0; i < product.children().size(); i++) {
            add(product.children().get(i), id, number + "." + (i + 1), lines);
        }
    }

    /** The lines to price: each with its bundle's line (bundle discounts) and its characteristics (term discounts). */
    static List<PricingLine> pricing(List<LineDraft> lines) {
        return lines.stream().map(l -> new PricingLine(l.id().toString(), l.offeringId(), l.quantity(),
                l.parentId() == null ? null : l.parentId().toString(), l.characteristics(), List.of(), l.action())).toList();
    }

    static List<LineDraft> priced(List<LineDraft> lines, PriceSnapshot price) {
        Map<String, LinePrice> prices = byLineId(price);
        return lines.stream().map(l -> l.priced(prices.get(l.id().toString()))).toList();
    }

    /** A snapshot's lines by id, looked up once instead of searching the snapshot for every line. */
    private static Map<String, LinePrice> byLineId(PriceSnapshot price) {
        Map<String, LinePrice> byId = new HashMap<>();
        if (price != null) {
            price.lines().forEach(l -> byId.put(l.lineId(), l));
        }
        return byId;
    }

    /** The root lines with their children as configuration requests, keyed by root line number. */
    static Map<String, ConfigurationRequest> requests(List<LineDraft> lines) {
        Map<UUID, List<LineDraft>> children = new HashMap<>();
        lines.stream().filter(l -> l.parentId() != null)
                .forEach(l -> children.computeIfAbsent(l.parentId(), p -> new ArrayList<>()).add(l));
        Map<String, ConfigurationRequest> roots = new java.util.LinkedHashMap<>();
        lines.stream().filter(l -> l.parentId() == null).forEach(l -> roots.put(l.lineNumber(), request(l, children)));
        return roots;
    }

    private static ConfigurationRequest request(LineDraft line, Map<UUID, List<LineDraft>> children) {
        return new ConfigurationRequest(line.offeringId(), line.quantity(), line.characteristics(),
                children.getOrDefault(line.id(), List.of()).stream().map(c -> request(c, children)).toList());
    }

    /** What two orders must share to be the same order: customer and every line's product and configuration. */
    static String contentFingerprint(String customerId, List<LineDraft> lines) {
        StringBuilder content = new StringBuilder(String.valueOf(customerId));
        for (LineDraft line : lines) {
            content.append('|').append(line.lineNumber()).append(':').append(line.offeringId()).append('x')
                    .append(line.quantity() == null ? BigDecimal.ONE : line.quantity().stripTrailingZeros().toPlainString())
                    .append(new TreeMap<>(line.characteristics()));
        }
        return sha256(content.toString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
