package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.CustomerOrderStatus;
import io.cpqoms.order.api.CustomerOrderSummary;
import io.cpqoms.order.api.CustomerOrderView;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderSummary;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.api.ValidationResultView;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The order aggregate (seed 000, sections 3-6): the header and the commercial line tree, kept
 * consistent together. The source quote evidence is fixed at capture; the status moves only along
 * {@link OrderStatus}'s table; every change bumps the entity version (optimistic locking).
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    public static final String ORDER_TRANSITION_NOT_ALLOWED = "ORDER_TRANSITION_NOT_ALLOWED";
    public static final String PRIORITY_NORMAL = "NORMAL";

    @Id
    @Column(name = "order_id")
    private UUID id;
    @Column(name = "tenant_id", updatable = false)
    private String tenantId;
    @Column(name = "order_number", updatable = false)
    private String orderNumber;
    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", updatable = false)
    private OrderType orderType;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Column(name = "customer_id")
    private String customerId;
    @Column(name = "account_id")
    private String accountId;
    @Column(name = "catalog_version_id", updatable = false)
    private UUID catalogVersionId;
    @Column(name = "source_quote_id", updatable = false)
    private UUID sourceQuoteId;
    @Column(name = "source_quote_number", updatable = false)
    private String sourceQuoteNumber;
    @Column(name = "source_quote_revision", updatable = false)
    private Integer sourceQuoteRevision;
    @Column(name = "acceptance_id", updatable = false)
    private UUID acceptanceId;
    @Column(name = "accepted_at", updatable = false)
    private Instant acceptedAt;
    @Column(name = "accepted_by", updatable = false)
    private String acceptedBy;
    @Column(name = "requested_completion_date")
    private LocalDate requestedCompletionDate;
    private String priority;
    private String currency;
    @Column(name = "one_time_total")
    private BigDecimal oneTimeTotal;
    @Convert(converter = JsonText.class)
    @Column(name = "price_snapshot", updatable = false)
    private String priceSnapshot;
    @Column(name = "content_fingerprint", updatable = false)
    private String contentFingerprint;
    @Column(name = "created_by", updatable = false)
    private String createdBy;
    @Version
    @Column(name = "entity_version")
    private long entityVersion;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "cancellation_requested_by")
    private String cancellationRequestedBy;
    @Column(name = "cancellation_requested_at")
    private Instant cancellationRequestedAt;
    @Column(name = "cancellation_reason")
    private String cancellationReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancellation_initiator")
    private CancellationRequest.Initiator cancellationInitiator;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<OrderLine> lines = new ArrayList<>();

    protected CustomerOrder() {
    }

    /** A captured order: header, source evidence and line tree (parents before children). */
    public static CustomerOrder capture(UUID id, String tenantId, String orderNumber, OrderDraft draft, String fingerprint,
                                        String actor, Instant now) {
        CustomerOrder order = new CustomerOrder();
        order.id = id;
        order.tenantId = tenantId;
        order.orderNumber = orderNumber;
        order.orderType = draft.orderType();
        order.status = OrderStatus.CAPTURED;
        order.customerId = draft.customerId();
        order.accountId = draft.accountId();
        order.catalogVersionId = draft.catalogVersionId();
        order.sourceQuoteId = draft.sourceQuoteId();
        order.sourceQuoteNumber = draft.sourceQuoteNumber();
        order.sourceQuoteRevision = draft.sourceQuoteRevision();
        order.acceptanceId = draft.acceptanceId();
        order.acceptedAt = draft.acceptedAt();
        order.acceptedBy = draft.acceptedBy();
        order.requestedCompletionDate = draft.requestedCompletionDate();
        order.priority = draft.priority() == null || draft.priority().isBlank() ? PRIORITY_NORMAL : draft.priority();
        PriceSnapshot price = draft.priceSnapshot();
        if (price != null) {
            order.currency = price.currency();
            order.oneTimeTotal = price.oneTimeTotal();
            order.priceSnapshot = Json.write(price);
        }
        order.contentFingerprint = fingerprint;
        order.createdBy = actor;
        order.createdAt = now;
        order.updatedAt = now;
        for (int i = 0; i < draft.lines().size(); i++) {
            order.lines.add(new OrderLine(order, draft.lines().get(i), i, now));
        }
        return order;
    }

    /** Moves along the lifecycle table; anything else is a conflict that names both states. */
    public void moveTo(OrderStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw DomainException.conflict(ORDER_TRANSITION_NOT_ALLOWED,
                    "Order " + orderNumber + " is " + status + " and cannot become " + target + ".");
        }
        status = target;
        updatedAt = now;
        if (target == OrderStatus.COMPLETED) {
            completedAt = now;
        }
    }

    /**
     * Records who asked for the cancellation and why; the order is CANCELLING until every item of its
     * plan is cancelled or compensated (at once when nothing was started).
     */
    public void requestCancellation(String actor, CancellationRequest request, Instant now) {
        moveTo(OrderStatus.CANCELLING, now);
        cancellationRequestedBy = actor;
        cancellationRequestedAt = now;
        cancellationReason = request.reason();
        cancellationInitiator = request.initiator();
    }

    /** Every item is settled: the order and all its lines are cancelled. */
    public void cancelled(Instant now) {
        moveTo(OrderStatus.CANCELLED, now);
        lines.forEach(line -> line.fulfillment(FulfillmentItemStatus.CANCELLED, now));
    }

    /** Marks a change that is not a status move (an item completed) so the version tells readers. */
    public void touch(Instant now) {
        updatedAt = now;
    }

    /**
     * Updates each line's fulfillment summary from the statuses of its items; a line without items of
     * its own (a bundle) follows its children, and a line with nothing to fulfill at all is complete.
     */
    public void summariseFulfillment(Map<UUID, FulfillmentItemStatus> lineSummaries, Instant now) {
        Map<UUID, FulfillmentItemStatus> summaries = new java.util.HashMap<>(lineSummaries);
        for (int i = lines.size() - 1; i >= 0; i--) { // children come after their parents
            OrderLine line = lines.get(i);
            if (!summaries.containsKey(line.id())) {
                summaries.put(line.id(), FulfillmentPlan.combine(lines.stream()
                        .filter(child -> line.id().equals(child.parentLineId()))
                        .map(child -> summaries.get(child.id())).toList()));
            }
            line.fulfillment(summaries.get(line.id()), now);
        }
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String orderNumber() {
        return orderNumber;
    }

    public OrderStatus status() {
        return status;
    }

    public String customerId() {
        return customerId;
    }

    public String accountId() {
        return accountId;
    }

    public UUID catalogVersionId() {
        return catalogVersionId;
    }

    public UUID sourceQuoteId() {
        return sourceQuoteId;
    }

    public Integer sourceQuoteRevision() {
        return sourceQuoteRevision;
    }

    public UUID acceptanceId() {
        return acceptanceId;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }

    public String acceptedBy() {
        return acceptedBy;
    }

    public String contentFingerprint() {
        return contentFingerprint;
    }

    public long entityVersion() {
        return entityVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public PriceSnapshot price() {
        return priceSnapshot == null ? null : Json.read(priceSnapshot, PriceSnapshot.class);
    }

    public OrderView view(ValidationResultView validation) {
        PriceSnapshot price = price();
        return new OrderView(id, orderNumber, orderType, status, customerId, accountId, catalogVersionId, sourceQuoteId,
                sourceQuoteNumber, sourceQuoteRevision, acceptanceId, priority, requestedCompletionDate, currency,
                oneTimeTotal, price == null ? List.of() : price.recurringTotals(),
                lines.stream().map(OrderLine::view).toList(), validation, cancellationRequestedBy == null ? null
                : new OrderView.Cancellation(cancellationRequestedBy, cancellationRequestedAt, cancellationReason,
                        cancellationInitiator), entityVersion, createdBy, createdAt, updatedAt, completedAt);
    }

    public OrderSummary summary() {
        return new OrderSummary(id, orderNumber, orderType, status, customerId, sourceQuoteNumber, createdAt, completedAt);
    }

    public CustomerOrderSummary customerSummary() {
        return new CustomerOrderSummary(id, orderNumber, orderType, CustomerOrderStatus.of(status), customerId,
                sourceQuoteNumber, createdAt, completedAt);
    }

    /** What the customer is told (seed 000, section 30): no process internals. */
    public CustomerOrderView customerView() {
        PriceSnapshot price = price();
        List<RecurringTotal> recurring = price == null ? List.of() : price.recurringTotals();
        return new CustomerOrderView(id, orderNumber, CustomerOrderStatus.of(status).name(), customerId, sourceQuoteNumber, currency,
                oneTimeTotal, recurring, lines.stream().map(l -> new CustomerOrderView.Line(l.lineNumber(),
                        l.offeringName(), l.quantity(), l.characteristics(),
                        l.status() == OrderLine.Status.COMPLETED || l.status() == OrderLine.Status.CANCELLED
                                ? l.status().name() : "IN_PROGRESS")).toList(),
                createdAt, completedAt);
    }

}
