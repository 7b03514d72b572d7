package io.cpqoms.quote.domain;

import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.PriceOverride;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.RecurringPeriod;
import java.util.EnumMap;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.PricingLine;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.quote.api.ChangeLine;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.quote.api.QuoteItemView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One line of a quote's item tree: a configured product as the pinned catalog version accepted it
 * (offering, name, specification, quantity, every characteristic value). A bundle's children point at
 * their parent and carry dotted line numbers (1.1, 1.2, ...). Items belong to their {@link Quote} and
 * are only created through it; once added their configuration does not change, only the manual
 * overrides of their charges (one per price definition, the latest replacing an earlier one).
 */
@Entity
@Table(name = "quote_item", schema = "quote")
public class QuoteItem {

    @Id
    private UUID id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "quote_id", nullable = false, updatable = false)
    private Quote quote;

    @Column(name = "parent_item_id", updatable = false)
    private UUID parentItemId;

    @Column(name = "line_number", nullable = false, updatable = false)
    private String lineNumber;

    @Column(name = "sort_order", nullable = false, updatable = false)
    private int sortOrder;

    @Column(name = "offering_id", nullable = false, updatable = false)
    private String offeringId;

    @Column(name = "offering_name", nullable = false, updatable = false)
    private String offeringName;

    @Column(name = "product_specification_id", nullable = false, updatable = false)
    private String productSpecificationId;

    @Column(nullable = false, updatable = false, precision = 18, scale = 6)
    private BigDecimal quantity;

    /** The characteristic values as a JSON object of names to values. */
    @Convert(converter = JsonText.class)
    @Column(nullable = false, updatable = false)
    private String characteristics;

    /** The manual price overrides as a JSON array, or null when there is none. */
    @Convert(converter = JsonText.class)
    @Column(name = "price_overrides")
    private String priceOverrides;

    /** ADD, or what the item does to the installed-base product it names (a change quote). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LineAction action;

    @Column(name = "product_id", updatable = false)
    private UUID productId;

    @Column(name = "baseline_version", updatable = false)
    private Long baselineVersion;

    /** The recurring totals the product has, as a JSON array, for an item acting on one. */
    @Convert(converter = JsonText.class)
    @Column(name = "previous_recurring", updatable = false)
    private String previousRecurring;

    /** The parsed columns, read once per loaded item: pricing and the view both need them. */
    @Transient
    private Map<String, String> characteristicValues;

    @Transient
    private List<PriceOverride> overrideList;

    protected QuoteItem() {
    }

    QuoteItem(Quote quote, UUID parentItemId, String lineNumber, int sortOrder, ConfiguredProduct product) {
        this.id = UUID.randomUUID();
        this.quote = quote;
        this.parentItemId = parentItemId;
        this.lineNumber = lineNumber;
        this.sortOrder = sortOrder;
        this.offeringId = product.offeringId();
        this.offeringName = product.offeringName();
        this.productSpecificationId = product.productSpecificationId();
        this.quantity = plain(product.quantity() == null ? BigDecimal.ONE : product.quantity());
        this.characteristics = Json.write(new TreeMap<>(product.characteristics()));
        this.action = LineAction.ADD;
    }

    /** An item of a change: a product of the installed base and what is done to it. */
    QuoteItem(Quote quote, UUID parentItemId, String lineNumber, int sortOrder, ChangeLine change) {
        this(quote, parentItemId, lineNumber, sortOrder, new ConfiguredProduct(change.offeringId(), change.offeringName(),
                change.productSpecificationId(), change.quantity(), change.characteristics(), List.of()));
        this.action = change.action();
        this.productId = change.productId();
        this.baselineVersion = change.baselineVersion();
        this.previousRecurring = Json.write(change.previousRecurring());
    }

    /**
     * The line to price: the item's id as the line id, its offering, its own quantity, its parent's id
     * (bundle discounts), its characteristic values (contract-term discounts) and its overrides.
     */
    PricingLine pricingLine() {
        return new PricingLine(id.toString(), offeringId, quantity(), parentItemId == null ? null : parentItemId.toString(),
                characteristics(), overrides(), action);
    }

    /** Whether the item is priced: not when it ends a product. */
    boolean priced() {
        return action != LineAction.DELETE;
    }

    public LineAction action() {
        return action;
    }

    /**
     * The item as the quote shows it; with the quote's price, an item acting on a product also shows the
     * change in its recurring charges: what it will cost per period less what the product costs now.
     */
    public QuoteItemView view(PriceSnapshot price) {
        List<RecurringTotal> previous = previousRecurring == null ? null
                : List.of(Json.read(previousRecurring, RecurringTotal[].class));
        List<RecurringTotal> change = null;
        if (previous != null && price != null) {
            LinePrice line = price.line(id.toString());
            Map<RecurringPeriod, BigDecimal> byPeriod = new EnumMap<>(RecurringPeriod.class);
            (line == null ? List.<RecurringTotal>of() : line.recurringTotals())
                    .forEach(t -> byPeriod.merge(t.period(), t.amount(), BigDecimal::add));
            previous.forEach(t -> byPeriod.merge(t.period(), t.amount().negate(), BigDecimal::add));
            change = byPeriod.entrySet().stream().map(e -> new RecurringTotal(e.getKey(), e.getValue())).toList();
        }
        return new QuoteItemView(id, parentItemId, lineNumber, offeringId, offeringName, productSpecificationId,
                quantity(), characteristics(), overrides(), action, productId, baselineVersion, previous, change);
    }

    /** Sets the override of one charge, replacing an earlier override of the same price; returns the earlier one. */
    PriceOverride override(PriceOverride override) {
        List<PriceOverride> next = new ArrayList<>();
        PriceOverride previous = null;
        for (PriceOverride existing : overrides()) {
            if (existing.priceId().equals(override.priceId())) {
                previous = existing;
            } else {
                next.add(existing);
            }
        }
        next.add(override);
        overrideList = List.copyOf(next);
        priceOverrides = Json.write(overrideList);
        return previous;
    }

    /** The manual overrides of the item's charges, in the order they were set. */
    public List<PriceOverride> overrides() {
        if (overrideList == null) {
            overrideList = priceOverrides == null ? List.of() : List.of(Json.read(priceOverrides, PriceOverride[].class));
        }
        return overrideList;
    }

    public UUID id() {
        return id;
    }

    public UUID parentItemId() {
        return parentItemId;
    }

    public boolean isTopLevel() {
        return parentItemId == null;
    }

    public String lineNumber() {
        return lineNumber;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public String offeringId() {
        return offeringId;
    }

    public BigDecimal quantity() {
        return plain(quantity);
    }

    /** The characteristic values, ordered by name. */
    public Map<String, String> characteristics() {
        if (characteristicValues == null) {
            Map<String, String> values = new TreeMap<>();
            Map<?, ?> stored = Json.read(characteristics, Map.class);
            stored.forEach((name, value) -> values.put(String.valueOf(name), String.valueOf(value)));
            characteristicValues = Collections.unmodifiableMap(values);
        }
        return characteristicValues;
    }

    /** A quantity without the trailing zeros of its numeric(18,6) column: 2, not 2.000000. */
    private static BigDecimal plain(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
