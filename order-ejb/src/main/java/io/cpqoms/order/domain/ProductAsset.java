package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.order.api.InventoryIntegrationEvent;
import io.cpqoms.order.api.ProductInventoryView;
import io.cpqoms.order.api.ProductStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A product in the customer's installed base (seed 002 section 16): what an order line delivered,
 * with its configuration and recurring price as accepted, the bundle it belongs to, and the order
 * lines that created it and last changed it. The ordering context keeps it as a local projection
 * (docs/inventory.md). Each change is one method that checks the status machine
 * ACTIVE &lt;-&gt; SUSPENDED -&gt; TERMINATED and says what happened as an {@link Change}; every change
 * bumps the version (optimistic locking).
 */
@Entity
@Table(name = "product_asset")
public class ProductAsset {

    public static final String PRODUCT_TRANSITION_NOT_ALLOWED = "PRODUCT_TRANSITION_NOT_ALLOWED";
    /** The JSON type of a recurring price: a list of {@link RecurringTotal}. */
    static final Type RECURRING = new ParameterizedType() {
        public Type[] getActualTypeArguments() {
            return new Type[] {RecurringTotal.class};
        }

        public Type getRawType() {
            return List.class;
        }

        public Type getOwnerType() {
            return null;
        }
    };

    /** The order line acting on the product. */
    public record OrderRef(UUID orderId, String orderNumber, UUID orderLineId) {
    }

    /**
     * What a command did to the product: its audit entry and its integration event, journaled with the
     * product's version once the change is stored.
     */
    public record Change(ProductAsset product, String action, Map<String, Object> details, InventoryIntegrationEvent published) {
    }

    @Id
    @Column(name = "asset_id")
    private UUID id;
    @Column(name = "tenant_id", updatable = false)
    private String tenantId;
    @Column(name = "customer_id", updatable = false)
    private String customerId;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private ProductStatus status;
    @Column(name = "parent_asset_id", updatable = false)
    private UUID parentId;
    @Column(name = "product_offering_id", updatable = false)
    private String offeringId;
    @Column(name = "product_offering_name")
    private String offeringName;
    @Column(name = "product_spec_id", updatable = false)
    private String productSpecificationId;
    private BigDecimal quantity;
    @Convert(converter = JsonText.class)
    @Column(name = "characteristics")
    private String characteristicsJson;
    private String currency;
    @Convert(converter = JsonText.class)
    @Column(name = "recurring_price")
    private String recurringPriceJson;
    @Column(name = "start_date", updatable = false)
    private LocalDate startDate;
    @Column(name = "end_date")
    private LocalDate endDate;
    @Column(name = "created_by_order_id", updatable = false)
    private UUID createdByOrderId;
    @Column(name = "created_by_order_line_id", updatable = false)
    private UUID createdByOrderLineId;
    @Column(name = "created_by_order_number", updatable = false)
    private String createdByOrderNumber;
    @Column(name = "last_order_id")
    private UUID lastOrderId;
    @Column(name = "last_order_line_id")
    private UUID lastOrderLineId;
    @Column(name = "last_order_number")
    private String lastOrderNumber;
    @Column(name = "source_quote_id", updatable = false)
    private UUID sourceQuoteId;
    @Column(name = "source_quote_number", updatable = false)
    private String sourceQuoteNumber;
    @Column(name = "source_quote_revision", updatable = false)
    private Integer sourceQuoteRevision;
    @Version
    @Column(name = "entity_version")
    private long entityVersion;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Transient
    private Map<String, String> characteristics;
    @Transient
    private List<RecurringTotal> recurringPrice;

    protected ProductAsset() {
    }

    /** What an added order line puts into the installed base, ACTIVE from the order's completion. */
    public record Installation(UUID id, String tenantId, String customerId, String accountId, UUID parentId,
                               String offeringId, String offeringName, String productSpecificationId, BigDecimal quantity,
                               Map<String, String> characteristics, String currency, List<RecurringTotal> recurringPrice,
                               LocalDate startDate, OrderRef createdBy, UUID sourceQuoteId, String sourceQuoteNumber,
                               Integer sourceQuoteRevision) {
    }

    /** A new product, ACTIVE; the change says it was created. */
    public static ProductAsset install(Installation in, Instant now) {
        ProductAsset asset = new ProductAsset();
        asset.id = Objects.requireNonNull(in.id());
        asset.tenantId = in.tenantId();
        asset.customerId = in.customerId();
        asset.accountId = in.accountId();
        asset.status = ProductStatus.ACTIVE;
        asset.parentId = in.parentId();
        asset.offeringId = in.offeringId();
        asset.offeringName = in.offeringName();
        asset.productSpecificationId = in.productSpecificationId();
        asset.quantity = in.quantity();
        asset.characteristics = Collections.unmodifiableMap(new LinkedHashMap<>(in.characteristics()));
        asset.characteristicsJson = Json.write(asset.characteristics);
        asset.currency = in.currency();
        asset.recurringPrice = List.copyOf(in.recurringPrice());
        asset.recurringPriceJson = Json.write(asset.recurringPrice);
        asset.startDate = in.startDate();
        asset.createdByOrderId = in.createdBy().orderId();
        asset.createdByOrderLineId = in.createdBy().orderLineId();
        asset.createdByOrderNumber = in.createdBy().orderNumber();
        asset.lastOrderId = asset.createdByOrderId;
        asset.lastOrderLineId = asset.createdByOrderLineId;
        asset.lastOrderNumber = asset.createdByOrderNumber;
        asset.sourceQuoteId = in.sourceQuoteId();
        asset.sourceQuoteNumber = in.sourceQuoteNumber();
        asset.sourceQuoteRevision = in.sourceQuoteRevision();
        asset.createdAt = now;
        asset.updatedAt = now;
        return asset;
    }

    /** The change that records this product's creation. */
    public Change created() {
        Map<String, Object> details = OrderEvent.map("orderId", createdByOrderId, "orderNumber", createdByOrderNumber,
                "orderLineId", createdByOrderLineId, "productOfferingId", offeringId, "parentProductId", parentId,
                "sourceQuoteId", sourceQuoteId, "sourceQuoteRevision", sourceQuoteRevision);
        return new Change(this, "PRODUCT_INVENTORY_CREATED", details, new InventoryIntegrationEvent.ProductCreated(id, customerId,
                accountId, status, offeringId, productSpecificationId, quantity, characteristics(), currency, recurringPrice(),
                parentId, startDate, createdByOrderId, createdByOrderNumber, createdByOrderLineId, sourceQuoteId,
                sourceQuoteRevision));
    }

    // ---- changes by later orders (MODIFY, SUSPEND, RESUME, DELETE lines) ----------------------------

    /** A MODIFY line: new characteristic values and recurring price, the status unchanged. */
    public Change modify(Map<String, String> newCharacteristics, List<RecurringTotal> newPrice, OrderRef by, Instant now) {
        requireNot(ProductStatus.TERMINATED, "modified");
        characteristics = Collections.unmodifiableMap(new LinkedHashMap<>(newCharacteristics));
        characteristicsJson = Json.write(characteristics);
        recurringPrice = List.copyOf(newPrice);
        recurringPriceJson = Json.write(recurringPrice);
        return changed("PRODUCT_INVENTORY_MODIFIED", status, by, now);
    }

    /** A SUSPEND line: ACTIVE to SUSPENDED. */
    public Change suspend(OrderRef by, Instant now) {
        return move(ProductStatus.SUSPENDED, "PRODUCT_INVENTORY_SUSPENDED", by, null, now);
    }

    /** A RESUME line: SUSPENDED to ACTIVE. */
    public Change resume(OrderRef by, Instant now) {
        return move(ProductStatus.ACTIVE, "PRODUCT_INVENTORY_RESUMED", by, null, now);
    }

    /** A DELETE line (a disconnect): TERMINATED for good, ending on {@code endDate}. */
    public Change terminate(OrderRef by, LocalDate end, Instant now) {
        if (end == null || end.isBefore(startDate)) {
            throw DomainException.conflict(PRODUCT_TRANSITION_NOT_ALLOWED, "Product " + id + " cannot end before it started ("
                    + startDate + ").");
        }
        return move(ProductStatus.TERMINATED, "PRODUCT_INVENTORY_TERMINATED", by, end, now);
    }

    private Change move(ProductStatus target, String action, OrderRef by, LocalDate end, Instant now) {
        if (!status.canMoveTo(target)) {
            throw DomainException.conflict(PRODUCT_TRANSITION_NOT_ALLOWED, "Product " + id + " is " + status
                    + " and cannot become " + target + ".");
        }
        ProductStatus previous = status;
        status = target;
        endDate = end;
        return changed(action, previous, by, now);
    }

    private void requireNot(ProductStatus forbidden, String what) {
        if (status == forbidden) {
            throw DomainException.conflict(PRODUCT_TRANSITION_NOT_ALLOWED, "Product " + id + " is " + status
                    + " and cannot be " + what + ".");
        }
    }

    private Change changed(String action, ProductStatus previous, OrderRef by, Instant now) {
        lastOrderId = by.orderId();
        lastOrderLineId = by.orderLineId();
        lastOrderNumber = by.orderNumber();
        updatedAt = now;
        Map<String, Object> details = OrderEvent.map("orderId", by.orderId(), "orderNumber", by.orderNumber(),
                "orderLineId", by.orderLineId(), "status", status, "previousStatus", previous, "endDate",
                endDate == null ? null : endDate.toString());
        return new Change(this, action, details, new InventoryIntegrationEvent.ProductUpdated(id, customerId, status, previous,
                characteristics(), recurringPrice(), endDate, by.orderId(), by.orderNumber(), by.orderLineId()));
    }

    // ---- reads -------------------------------------------------------------------------------------

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String customerId() {
        return customerId;
    }

    public ProductStatus status() {
        return status;
    }

    public UUID parentId() {
        return parentId;
    }

    public String offeringId() {
        return offeringId;
    }

    public String offeringName() {
        return offeringName;
    }

    public String productSpecificationId() {
        return productSpecificationId;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public String accountId() {
        return accountId;
    }

    /** Whether a line with this action may act on the product as it is now (seed 000 section 9). */
    public boolean allows(io.cpqoms.catalog.api.LineAction action) {
        switch (action) {
            case MODIFY:
            case NO_CHANGE:
            case DELETE:
                return status != ProductStatus.TERMINATED;
            case SUSPEND:
                return status == ProductStatus.ACTIVE;
            case RESUME:
                return status == ProductStatus.SUSPENDED;
            default:
                return false;
        }
    }

    public UUID createdByOrderLineId() {
        return createdByOrderLineId;
    }

    public UUID lastOrderLineId() {
        return lastOrderLineId;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public String currency() {
        return currency;
    }

    public long entityVersion() {
        return entityVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> characteristics() {
        if (characteristics == null) {
            characteristics = Collections.unmodifiableMap(Json.read(characteristicsJson, LinkedHashMap.class));
        }
        return characteristics;
    }

    public List<RecurringTotal> recurringPrice() {
        if (recurringPrice == null) {
            List<RecurringTotal> read = Json.read(recurringPriceJson, RECURRING);
            recurringPrice = read == null ? List.of() : List.copyOf(read);
        }
        return recurringPrice;
    }

    /** The product as the inventory API shows it, with the ids of its bundle's children. */
    public ProductInventoryView view(List<UUID> childIds) {
        List<ProductInventoryView.Characteristic> values = new ArrayList<>();
        characteristics().forEach((name, value) -> values.add(new ProductInventoryView.Characteristic(name, value)));
        List<ProductInventoryView.ProductPrice> prices = recurringPrice().stream()
                .map(p -> new ProductInventoryView.ProductPrice("recurring", p.period() == null ? null : p.period().name(),
                        p.amount(), currency)).toList();
        List<ProductInventoryView.RealizingOrder> orders = new ArrayList<>();
        orders.add(new ProductInventoryView.RealizingOrder("CREATED", createdByOrderId, createdByOrderNumber,
                createdByOrderLineId));
        orders.add(new ProductInventoryView.RealizingOrder("LAST_CHANGED", lastOrderId, lastOrderNumber, lastOrderLineId));
        return new ProductInventoryView(id, status, customerId, accountId,
                new ProductInventoryView.ProductOfferingRef(offeringId, offeringName), productSpecificationId, quantity,
                values, prices, startDate, endDate, parentId, List.copyOf(childIds), orders,
                sourceQuoteId == null ? null : new ProductInventoryView.QuoteRef(sourceQuoteId, sourceQuoteNumber,
                        sourceQuoteRevision), entityVersion, createdAt, updatedAt);
    }
}
