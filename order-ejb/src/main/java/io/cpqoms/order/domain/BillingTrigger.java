package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.order.api.BillingIntegrationEvent;
import io.cpqoms.order.api.BillingTriggerKind;
import io.cpqoms.order.api.BillingTriggerStatus;
import io.cpqoms.order.api.BillingTriggerView;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A billing trigger (seed 002 section 17): the order's instruction to the billing system for one
 * billable effect of one order line, created once when the line took effect (its billing items done),
 * with the business effective date, the order, line, installed-base product and price snapshot it
 * refers to, and the amounts of the line's price. It belongs to its order's aggregate and changes only through
 * the order's commands, along {@link Lifecycles}: PENDING until the billing system answers,
 * ACKNOWLEDGED with billing's reference, or REJECTED (a billing fallout case opens); working that
 * case may send it again as a new attempt. The same answer twice changes nothing; a contradicting
 * one is refused (409).
 */
@Entity
@Table(name = "billing_trigger")
public class BillingTrigger {

    public static final String BILLING_TRIGGER_NOT_FOUND = "BILLING_TRIGGER_NOT_FOUND";
    /** An answer that contradicts the one recorded. */
    public static final String BILLING_ANSWER_CONFLICT = "BILLING_ANSWER_CONFLICT";
    public static final String INVALID_BILLING_ANSWER = "INVALID_BILLING_ANSWER";
    public static final String BILLING_TRIGGER_TRANSITION_NOT_ALLOWED = "BILLING_TRIGGER_TRANSITION_NOT_ALLOWED";

    /** A trigger's change for the journal: its audit entry is the order's event, this its own integration event. */
    public record Published(BillingTrigger trigger, BillingIntegrationEvent event) {
    }

    @Id
    @Column(name = "billing_trigger_id")
    private UUID id;
    @Column(name = "tenant_id", updatable = false)
    private String tenantId;
    @Column(name = "order_id", updatable = false)
    private UUID orderId;
    @Column(name = "order_line_id", updatable = false)
    private UUID orderLineId;
    @Column(name = "product_id", updatable = false)
    private UUID productId;
    @Column(name = "customer_id", updatable = false)
    private String customerId;
    @Column(name = "account_id", updatable = false)
    private String accountId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private BillingTriggerKind kind;
    @Column(name = "effective_date", updatable = false)
    private LocalDate effectiveDate;
    @Column(updatable = false)
    private String currency;
    @Column(name = "one_time_amount", updatable = false)
    private BigDecimal oneTimeAmount;
    @Convert(converter = JsonText.class)
    @Column(name = "recurring_price", updatable = false)
    private String recurringPriceJson;
    @Column(name = "price_snapshot_id", updatable = false)
    private UUID priceSnapshotId;
    @Enumerated(EnumType.STRING)
    private BillingTriggerStatus status;
    private int attempt;
    @Column(name = "acknowledgement_due_at")
    private Instant acknowledgementDueAt;
    @Column(name = "billing_reference")
    private String billingReference;
    @Column(name = "rejection_code")
    private String rejectionCode;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Version
    @Column(name = "entity_version")
    private long entityVersion;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    /** The line, for the events: its number and offering (not stored twice). */
    @Transient
    private OrderLine line;
    @Transient
    private String orderNumber;
    @Transient
    private List<RecurringTotal> recurringPrice;

    protected BillingTrigger() {
    }

    /**
     * The triggers of a line that took effect at {@code now} (docs/billing.md). The subscription kind
     * of its action when there is a subscription to act on: for ADD, the line's recurring price above
     * zero (it is what starts); for MODIFY, DELETE, SUSPEND and RESUME, the product's recurring price in
     * the installed base above zero, or the line's (a change may make a free product paid). The price
     * sent is the line's for ADD and MODIFY (the new one), the product's for the others (what is
     * stopped, suspended or resumed). A ONE_TIME_CHARGE when the line's one-time amount is above zero.
     * A NO_CHANGE line gets none, and so does a line without a price of its own acting on nothing
     * billed (a bundle priced through its children). Effective from the UTC day of {@code now}; to be
     * answered by {@code now + acknowledgementTimeout}.
     */
    static List<BillingTrigger> forLine(CustomerOrder order, OrderLine line, ProductAsset product, Duration acknowledgementTimeout,
                                        Instant now) {
        BillingTriggerKind subscription = BillingTriggerKind.subscription(line.action());
        List<BillingTrigger> triggers = new ArrayList<>();
        if (subscription == null) {
            return triggers;
        }
        LinePrice price = line.price();
        List<RecurringTotal> linePrice = price == null ? List.of() : price.recurringTotals();
        List<RecurringTotal> productPrice = product == null ? List.of() : product.recurringPrice();
        boolean sendsNewPrice = line.action() == LineAction.ADD || line.action() == LineAction.MODIFY;
        if (billed(linePrice) || (line.action() != LineAction.ADD && billed(productPrice))) {
            triggers.add(new BillingTrigger(order, line, subscription, null, sendsNewPrice || productPrice.isEmpty() ? linePrice
                    : productPrice, acknowledgementTimeout, now));
        }
        if (price != null && price.oneTimeTotal() != null && price.oneTimeTotal().signum() > 0) {
            triggers.add(new BillingTrigger(order, line, BillingTriggerKind.ONE_TIME_CHARGE, price.oneTimeTotal(), List.of(),
                    acknowledgementTimeout, now));
        }
        return triggers;
    }

    /** Whether a recurring price charges something. */
    private static boolean billed(List<RecurringTotal> recurring) {
        return recurring.stream().anyMatch(r -> r.amount() != null && r.amount().signum() > 0);
    }

    private BillingTrigger(CustomerOrder order, OrderLine line, BillingTriggerKind kind, BigDecimal oneTimeAmount,
                           List<RecurringTotal> recurringPrice, Duration acknowledgementTimeout, Instant now) {
        PriceSnapshot snapshot = order.price();
        this.id = UUID.randomUUID();
        this.tenantId = order.tenantId();
        this.orderId = order.id();
        this.orderLineId = line.id();
        this.productId = line.productId();
        this.customerId = order.customerId();
        this.accountId = order.accountId();
        this.kind = kind;
        this.effectiveDate = now.atZone(ZoneOffset.UTC).toLocalDate();
        this.currency = snapshot == null ? order.currency() : snapshot.currency();
        this.oneTimeAmount = oneTimeAmount;
        this.recurringPrice = List.copyOf(recurringPrice);
        this.recurringPriceJson = Json.write(this.recurringPrice);
        this.priceSnapshotId = snapshot == null ? null : snapshot.priceSnapshotId();
        this.status = BillingTriggerStatus.PENDING;
        this.attempt = 1;
        this.acknowledgementDueAt = now.plus(acknowledgementTimeout).truncatedTo(ChronoUnit.MILLIS);
        this.createdAt = now;
        this.updatedAt = now;
        attach(order);
    }

    /**
     * The STOP_SUBSCRIPTION that undoes this START_SUBSCRIPTION when its order is cancelled after the
     * line was billed: the same line, product and recurring price, effective the day of the cancellation.
     */
    BillingTrigger stopping(CustomerOrder order, Duration acknowledgementTimeout, Instant now) {
        return new BillingTrigger(order, line, BillingTriggerKind.STOP_SUBSCRIPTION, null, recurringPrice(), acknowledgementTimeout,
                now);
    }

    /** Gives the trigger its order's line and number, for the events it publishes. */
    void attach(CustomerOrder order) {
        this.orderNumber = order.orderNumber();
        this.line = order.lines().stream().filter(l -> l.id().equals(orderLineId)).findFirst().orElseThrow();
    }

    /** The event that sends the trigger, on its first attempt. */
    BillingIntegrationEvent.TriggerCreated created() {
        return new BillingIntegrationEvent.TriggerCreated(id, kind, effectiveDate, orderId, orderNumber, orderLineId,
                line.lineNumber(), productId, line.offeringId(), line.offeringName(), customerId, accountId, currency,
                oneTimeAmount, recurringPrice(), priceSnapshotId, attempt);
    }

    /**
     * The billing system accepted the trigger: ACKNOWLEDGED with its reference. False when it was
     * acknowledged with that reference already; 409 when it was rejected or acknowledged otherwise.
     */
    boolean acknowledge(String reference, Instant now) {
        if (status == BillingTriggerStatus.ACKNOWLEDGED && billingReference.equals(reference)) {
            return false;
        }
        if (status != BillingTriggerStatus.PENDING) {
            throw DomainException.conflict(BILLING_ANSWER_CONFLICT, "Billing trigger " + id + " is " + status
                    + (status == BillingTriggerStatus.ACKNOWLEDGED ? " as " + billingReference
                    : " (" + rejectionCode + ")") + "; an acknowledgement as " + reference + " contradicts it.");
        }
        moveTo(BillingTriggerStatus.ACKNOWLEDGED);
        billingReference = reference;
        answered(now);
        return true;
    }

    /**
     * The billing system refused the trigger: REJECTED with its code and reason. False when it was
     * rejected with that code already; 409 when it was acknowledged or rejected with another code.
     */
    boolean reject(String code, String reason, Instant now) {
        if (status == BillingTriggerStatus.REJECTED && rejectionCode.equals(code)) {
            return false;
        }
        if (status != BillingTriggerStatus.PENDING) {
            throw DomainException.conflict(BILLING_ANSWER_CONFLICT, "Billing trigger " + id + " is " + status
                    + (status == BillingTriggerStatus.ACKNOWLEDGED ? " as " + billingReference
                    : " (" + rejectionCode + ")") + "; a rejection " + code + " contradicts it.");
        }
        moveTo(BillingTriggerStatus.REJECTED);
        rejectionCode = code;
        rejectionReason = reason;
        answered(now);
        return true;
    }

    /** Sends the trigger again as a new attempt (after its case was worked): PENDING, to be answered by {@code now + timeout}. */
    BillingIntegrationEvent.TriggerResent resend(Duration acknowledgementTimeout, Instant now) {
        moveTo(BillingTriggerStatus.PENDING);
        attempt++;
        rejectionCode = null;
        rejectionReason = null;
        answeredAt = null;
        acknowledgementDueAt = now.plus(acknowledgementTimeout).truncatedTo(ChronoUnit.MILLIS);
        updatedAt = now;
        return new BillingIntegrationEvent.TriggerResent(id, kind, effectiveDate, orderId, orderNumber, orderLineId,
                line.lineNumber(), productId, line.offeringId(), line.offeringName(), customerId, accountId, currency,
                oneTimeAmount, recurringPrice(), priceSnapshotId, attempt);
    }

    /** Whether a timer set for {@code due} still concerns the trigger: it is pending on the attempt that set it. */
    boolean unansweredAt(Instant due) {
        // due times are kept to the millisecond, so the database's microseconds give back the timer's instant
        return status == BillingTriggerStatus.PENDING && due.equals(acknowledgementDueAt);
    }

    private void answered(Instant now) {
        answeredAt = now;
        acknowledgementDueAt = null;
        updatedAt = now;
    }

    private void moveTo(BillingTriggerStatus target) {
        if (!Lifecycles.canMove(status, target)) {
            throw DomainException.conflict(BILLING_TRIGGER_TRANSITION_NOT_ALLOWED,
                    "Billing trigger " + id + " is " + status + " and cannot become " + target + ".");
        }
        status = target;
    }

    public UUID id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID orderLineId() {
        return orderLineId;
    }

    public UUID productId() {
        return productId;
    }

    public BillingTriggerKind kind() {
        return kind;
    }

    public BillingTriggerStatus status() {
        return status;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public BigDecimal oneTimeAmount() {
        return oneTimeAmount;
    }

    public String currency() {
        return currency;
    }

    public int attempt() {
        return attempt;
    }

    public Instant acknowledgementDueAt() {
        return acknowledgementDueAt;
    }

    public String billingReference() {
        return billingReference;
    }

    public String rejectionCode() {
        return rejectionCode;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public long entityVersion() {
        return entityVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<RecurringTotal> recurringPrice() {
        if (recurringPrice == null) {
            List<RecurringTotal> read = Json.read(recurringPriceJson, ProductAsset.RECURRING);
            recurringPrice = read == null ? List.of() : List.copyOf(read);
        }
        return recurringPrice;
    }

    /** The trigger as operations and the order's readers see it; {@code lineNumber} from its order's line. */
    public BillingTriggerView view(String lineNumber) {
        return new BillingTriggerView(id, orderId, orderLineId, lineNumber, productId, customerId, accountId, kind, effectiveDate,
                currency, oneTimeAmount, recurringPrice(), priceSnapshotId, status, attempt, acknowledgementDueAt,
                billingReference, rejectionCode, rejectionReason, answeredAt, entityVersion, createdAt, updatedAt);
    }
}
