package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.OrderLineView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A commercial order line (seed 000, section 6): the product the customer is committed to, with the
 * configuration and price accepted for it and the quote line it came from.
 */
@Entity
@Table(name = "customer_order_line")
public class OrderLine {

    /** A line's own lifecycle: what the order does with the product. */
    public enum Status { CAPTURED, IN_PROGRESS, COMPLETED, FAILED, CANCELLED }

    @Id
    @Column(name = "order_line_id")
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private CustomerOrder order;
    @Column(name = "parent_order_line_id")
    private UUID parentLineId;
    @Column(name = "source_quote_line_id", updatable = false)
    private UUID sourceQuoteLineId;
    @Column(name = "line_number")
    private String lineNumber;
    @Enumerated(EnumType.STRING)
    private LineAction action;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "fulfillment_status")
    private FulfillmentItemStatus fulfillmentStatus;
    @Column(name = "product_offering_id")
    private String offeringId;
    @Column(name = "product_offering_name")
    private String offeringName;
    @Column(name = "product_spec_id")
    private String productSpecificationId;
    private BigDecimal quantity;
    @Convert(converter = JsonText.class)
    @Column(name = "configuration_snapshot")
    private String configurationSnapshot;
    @Convert(converter = JsonText.class)
    @Column(name = "price_snapshot")
    private String priceSnapshot;
    @Column(name = "sort_order")
    private int sortOrder;
    /** The installed-base product the line creates (ADD) or acts on (any other action). */
    @Column(name = "product_id", updatable = false)
    private UUID productId;
    /** The product's version a change line was computed from; null for an ADD line. */
    @Column(name = "baseline_version", updatable = false)
    private Long baselineVersion;
    /**
     * When the line took effect: its items on the billing system done (all its items for a line without
     * one, its children for a bundle line without items of its own). Its billing triggers' effective
     * date, and the start or end date of the product it adds or removes.
     */
    @Column(name = "effective_at")
    private Instant effectiveAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Transient
    private Map<String, String> characteristics;

    protected OrderLine() {
    }

    OrderLine(CustomerOrder order, LineDraft draft, int sortOrder, Instant now) {
        this.id = draft.id();
        this.order = order;
        this.parentLineId = draft.parentId();
        this.sourceQuoteLineId = draft.sourceQuoteLineId();
        this.lineNumber = draft.lineNumber();
        this.action = draft.action();
        this.status = Status.CAPTURED;
        this.fulfillmentStatus = FulfillmentItemStatus.PENDING;
        this.offeringId = draft.offeringId();
        this.offeringName = draft.offeringName();
        this.productSpecificationId = draft.productSpecificationId();
        this.quantity = draft.quantity();
        this.characteristics = Collections.unmodifiableMap(new LinkedHashMap<>(draft.characteristics()));
        this.configurationSnapshot = Json.write(this.characteristics);
        this.priceSnapshot = draft.price() == null ? null : Json.write(draft.price());
        this.sortOrder = sortOrder;
        this.productId = draft.productId();
        this.baselineVersion = draft.baselineVersion();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The line's summary of its fulfillment items, and its own status following from it. */
    void fulfillment(FulfillmentItemStatus summary, Instant now) {
        if (summary == fulfillmentStatus) {
            return;
        }
        fulfillmentStatus = summary;
        status = switch (summary) {
            case COMPLETED -> Status.COMPLETED;
            case FAILED -> Status.FAILED;
            case CANCELLED -> Status.CANCELLED;
            case PENDING -> status;
            default -> Status.IN_PROGRESS;
        };
        updatedAt = now;
    }

    /** The line took effect (once): what billing and the installed base date it from. */
    void tookEffect(Instant now) {
        effectiveAt = now;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID parentLineId() {
        return parentLineId;
    }

    public String lineNumber() {
        return lineNumber;
    }

    public LineAction action() {
        return action;
    }

    public String productSpecificationId() {
        return productSpecificationId;
    }

    public String offeringId() {
        return offeringId;
    }

    public String offeringName() {
        return offeringName;
    }

    public BigDecimal quantity() {
        return quantity;
    }

    public Status status() {
        return status;
    }

    /** When the line took effect, or null while it has not. */
    public Instant effectiveAt() {
        return effectiveAt;
    }

    public int sortOrder() {
        return sortOrder;
    }

    /** The configured characteristic values, read from the snapshot once. */
    @SuppressWarnings("unchecked")
    public Map<String, String> characteristics() {
        if (characteristics == null) {
            characteristics = Collections.unmodifiableMap(Json.read(configurationSnapshot, LinkedHashMap.class));
        }
        return characteristics;
    }

    /** The line's price from the order's snapshot, or null for a line without one. */
    public LinePrice price() {
        return priceSnapshot == null ? null : Json.read(priceSnapshot, LinePrice.class);
    }

    public UUID sourceQuoteLineId() {
        return sourceQuoteLineId;
    }

    public UUID productId() {
        return productId;
    }

    public Long baselineVersion() {
        return baselineVersion;
    }

    /** The line as decomposition reads it. */
    Decomposition.PlanLine planLine() {
        return new Decomposition.PlanLine(id, parentLineId, lineNumber, action, productSpecificationId, offeringId,
                quantity.stripTrailingZeros().toPlainString(), characteristics());
    }

    public OrderLineView view() {
        return new OrderLineView(id, parentLineId, sourceQuoteLineId, lineNumber, action, productId, status.name(),
                fulfillmentStatus.name(), offeringId, offeringName, productSpecificationId, quantity, characteristics(),
                priceSnapshot == null ? null : Json.read(priceSnapshot, LinePrice.class), effectiveAt);
    }
}
