package io.cpqoms.order.domain;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.FalloutResolution.Action;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.Jeopardy;
import io.cpqoms.order.api.FalloutSeverity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * A fallout case (seed 000, sections 16-17): an order that cannot go on by itself, the reason, and
 * the work group that owns it. It belongs to its order's aggregate and changes only through the order's
 * commands (assignment, the resolution actions of {@link FalloutResolution.Action}, force completion,
 * cancellation), along {@link Lifecycles}. A case that waits on someone (the customer, the escalation
 * desk) has a due time, and a timer that escalates it when nobody answered by then.
 */
@Entity
@Table(name = "order_fallout_case")
public class FalloutCase {

    public static final String FALLOUT_CASE_TRANSITION_NOT_ALLOWED = "FALLOUT_CASE_TRANSITION_NOT_ALLOWED";
    /** The work group of fallout that concerns the whole order rather than one system's item. */
    public static final String ORDER_MANAGEMENT = "order-management";
    /** The work group an escalated case goes to: the supervisors' desk. */
    public static final String ESCALATION_DESK = "escalation-desk";
    public static final String FALLOUT_ACTION_NOT_ALLOWED = "FALLOUT_ACTION_NOT_ALLOWED";
    /** The work group of billing fallout: triggers the billing system refused or did not answer. */
    public static final String BILLING_OPERATIONS = "billing-operations";

    /** Why an order fell out. */
    public static final String ITEM_FAILED = "FULFILLMENT_ITEM_FAILED";
    public static final String COMPENSATION_FAILED = "COMPENSATION_FAILED";
    public static final String DECOMPOSITION_FAILED = "DECOMPOSITION_FAILED";
    /** The responsible system could not read the request: a defect on the product's side. */
    public static final String REQUEST_INVALID = "FULFILLMENT_REQUEST_INVALID";
    /** The billing system refused a billing trigger. */
    public static final String BILLING_REJECTED = "BILLING_REJECTED";
    /** The billing system did not answer a billing trigger in time. */
    public static final String BILLING_UNACKNOWLEDGED = "BILLING_UNACKNOWLEDGED";

    /** How a case was closed. */
    public static final String RETRIED = "RETRIED";
    public static final String FORCE_COMPLETED = "FORCE_COMPLETED";
    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";
    public static final String ITEM_WAIVED = "ITEM_WAIVED";
    public static final String ORDER_DATA_CORRECTED = "ORDER_DATA_CORRECTED";
    public static final String MARKED_RESOLVED = "MARKED_RESOLVED";
    public static final String BILLING_TRIGGER_RESENT = "BILLING_TRIGGER_RESENT";
    /** An unanswered trigger's case closed by itself: the billing system answered after all. */
    public static final String BILLING_ANSWERED = "BILLING_ANSWERED";

    private static final List<Action> ITEM_ACTIONS = List.of(Action.RETRY_ITEM, Action.SKIP_ITEM, Action.CORRECT_ORDER_DATA,
            Action.REQUEST_CUSTOMER_INFO, Action.CANCEL_ORDER, Action.MARK_RESOLVED, Action.ESCALATE);
    private static final List<Action> COMPENSATION_ACTIONS = List.of(Action.RETRY_ITEM, Action.MARK_RESOLVED, Action.ESCALATE);
    private static final List<Action> ORDER_ACTIONS = List.of(Action.REQUEST_CUSTOMER_INFO, Action.CANCEL_ORDER,
            Action.MARK_RESOLVED, Action.ESCALATE);
    /** An order step whose message died is run again by RETRY_ITEM (the step is idempotent). */
    private static final List<Action> DEAD_LETTERED_STEP_ACTIONS = List.of(Action.RETRY_ITEM, Action.CANCEL_ORDER,
            Action.MARK_RESOLVED, Action.ESCALATE);

    /** A billing case is worked by sending its trigger again, or settled outside (the note says how), or escalated. */
    private static final List<Action> BILLING_ACTIONS = List.of(Action.RESEND_BILLING_TRIGGER, Action.MARK_RESOLVED,
            Action.ESCALATE);

    @Id
    @Column(name = "fallout_case_id")
    private UUID id;
    @Column(name = "tenant_id", updatable = false)
    private String tenantId;
    @Column(name = "order_id", updatable = false)
    private UUID orderId;
    @Column(name = "order_line_id", updatable = false)
    private UUID orderLineId;
    @Column(name = "fulfillment_item_id", updatable = false)
    private UUID fulfillmentItemId;
    @Column(name = "billing_trigger_id", updatable = false)
    private UUID billingTriggerId;
    @Enumerated(EnumType.STRING)
    private FalloutCaseStatus status;
    @Enumerated(EnumType.STRING)
    private FalloutSeverity severity;
    @Column(name = "reason_code", updatable = false)
    private String reasonCode;
    private String description;
    @Column(name = "owner_group")
    private String ownerGroup;
    @Column(name = "owner_user_id")
    private String ownerUserId;
    @Column(name = "opened_at", updatable = false)
    private Instant openedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolved_by")
    private String resolvedBy;
    @Column(name = "resolution_code")
    private String resolutionCode;
    @Column(name = "resolution_note")
    private String resolutionNote;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "customer_request")
    private String customerRequest;
    @Column(name = "escalation_count")
    private int escalationCount;
    @Version
    @Column(name = "entity_version")
    private long entityVersion;

    protected FalloutCase() {
    }

    /**
     * A case for a failed item (or its failed compensation), owned by the work group of the item's
     * system; HIGH for a failed compensation and for a request the system found invalid (a defect).
     */
    public static FalloutCase forItem(String tenantId, UUID orderId, FulfillmentItem item, boolean compensation,
                                      boolean defect, Instant now) {
        FalloutCase fallout = open(tenantId, orderId, compensation || defect ? FalloutSeverity.HIGH : FalloutSeverity.MEDIUM,
                compensation ? COMPENSATION_FAILED : defect ? REQUEST_INVALID
                        : FulfillmentItem.RETRY_BUDGET_EXHAUSTED.equals(item.failureCode())
                                || FulfillmentItem.UNKNOWN_OUTCOME.equals(item.failureCode())
                                || FulfillmentItem.MESSAGE_DEAD_LETTERED.equals(item.failureCode())
                                || FulfillmentItem.TIMER_FAILED.equals(item.failureCode()) ? item.failureCode()
                        : ITEM_FAILED,
                (compensation ? "Compensation " : "") + item.itemType() + " failed at " + item.responsibleSystem() + ": "
                        + item.failureCode() + (item.failureMessage() == null ? "" : " (" + item.failureMessage() + ")"),
                item.responsibleSystem(), now);
        fallout.orderLineId = item.orderLineId();
        fallout.fulfillmentItemId = item.id();
        return fallout;
    }

    /** A case for the whole order, owned by order management. */
    public static FalloutCase forOrder(String tenantId, UUID orderId, String reasonCode, String description, Instant now) {
        return open(tenantId, orderId, FalloutSeverity.HIGH, reasonCode, description, ORDER_MANAGEMENT, now);
    }

    /**
     * A case for a billing trigger the billing system refused (HIGH: money is involved) or did not
     * answer in time (MEDIUM), owned by billing operations, on the trigger's line.
     */
    public static FalloutCase forBillingTrigger(BillingTrigger trigger, String reasonCode, String description, Instant now) {
        FalloutCase fallout = open(trigger.tenantId(), trigger.orderId(), BILLING_REJECTED.equals(reasonCode)
                ? FalloutSeverity.HIGH : FalloutSeverity.MEDIUM, reasonCode, description, BILLING_OPERATIONS, now);
        fallout.orderLineId = trigger.orderLineId();
        fallout.billingTriggerId = trigger.id();
        return fallout;
    }

    private static FalloutCase open(String tenantId, UUID orderId, FalloutSeverity severity, String reasonCode,
                                    String description, String ownerGroup, Instant now) {
        FalloutCase fallout = new FalloutCase();
        fallout.id = UUID.randomUUID();
        fallout.tenantId = tenantId;
        fallout.orderId = orderId;
        fallout.status = FalloutCaseStatus.OPEN;
        fallout.severity = severity;
        fallout.reasonCode = reasonCode;
        fallout.description = description;
        fallout.ownerGroup = ownerGroup;
        fallout.openedAt = now;
        return fallout;
    }

    void assign(String assignee) {
        moveTo(FalloutCaseStatus.ASSIGNED);
        ownerUserId = assignee;
        dueAt = null;
    }

    /**
     * What can be done about the case: the actions for a failed item, for a failed compensation or for
     * the whole order; none once it is closed. A case waiting for the customer is not asked again, and
     * one at the highest severity is not escalated further.
     */
    public List<Action> allowedActions() {
        if (!isOpen()) {
            return List.of();
        }
        List<Action> actions = billingTriggerId != null ? BILLING_ACTIONS : fulfillmentItemId == null
                ? FulfillmentItem.MESSAGE_DEAD_LETTERED.equals(reasonCode) ? DEAD_LETTERED_STEP_ACTIONS : ORDER_ACTIONS
                : COMPENSATION_FAILED.equals(reasonCode) ? COMPENSATION_ACTIONS : ITEM_ACTIONS;
        return actions.stream()
                .filter(a -> a != Action.REQUEST_CUSTOMER_INFO || status != FalloutCaseStatus.WAITING_CUSTOMER)
                .filter(a -> a != Action.ESCALATE || severity != FalloutSeverity.CRITICAL)
                .toList();
    }

    /** Refuses an action the case does not take, naming those it does. */
    void checkAllowed(Action action) {
        List<Action> allowed = allowedActions();
        if (!allowed.contains(action)) {
            String message = "Fallout case " + id + " (" + reasonCode + ", " + status + ") does not take " + action
                    + "; it takes " + allowed + ".";
            throw new DomainException(DomainException.Kind.INVALID_INPUT, FALLOUT_ACTION_NOT_ALLOWED, message,
                    List.of(new Violation(FALLOUT_ACTION_NOT_ALLOWED, "action", message,
                            allowed.stream().map(Enum::name).toList())));
        }
    }

    /** The case waits for the customer's answer to {@code request} until {@code due}. */
    void waitForCustomer(String request, Instant due) {
        moveTo(FalloutCaseStatus.WAITING_CUSTOMER);
        customerRequest = request;
        dueAt = due.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Escalates the case: one severity higher, owned by the escalation desk (nobody in it yet), which
     * must take it up by {@code due}.
     */
    void escalate(Instant due) {
        moveTo(FalloutCaseStatus.ESCALATED);
        severity = FalloutSeverity.values()[Math.min(severity.ordinal() + 1, FalloutSeverity.CRITICAL.ordinal())];
        ownerGroup = ESCALATION_DESK;
        ownerUserId = null;
        escalationCount++;
        dueAt = severity == FalloutSeverity.CRITICAL ? null : due.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Whether a timer set for {@code due} still concerns the case: it is open and waits until then. */
    boolean dueAt(Instant due) {
        // due times are kept to the millisecond, so the database's microseconds give back the timer's instant
        return isOpen() && dueAt != null && dueAt.equals(due);
    }

    /** Closes the case because its cause is dealt with. */
    void resolve(String actor, String code, String note, Instant now) {
        close(FalloutCaseStatus.RESOLVED, actor, code, note, now);
    }

    /** Closes the case because its order was cancelled. */
    void cancel(String actor, Instant now) {
        close(FalloutCaseStatus.CANCELLED, actor, ORDER_CANCELLED, null, now);
    }

    private void close(FalloutCaseStatus target, String actor, String code, String note, Instant now) {
        moveTo(target);
        resolvedAt = now;
        resolvedBy = actor;
        resolutionCode = code;
        resolutionNote = note;
        dueAt = null;
    }

    private void moveTo(FalloutCaseStatus target) {
        if (!Lifecycles.canMove(status, target)) {
            throw DomainException.conflict(FALLOUT_CASE_TRANSITION_NOT_ALLOWED,
                    "Fallout case " + id + " is " + status + " and cannot become " + target + ".");
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

    public UUID fulfillmentItemId() {
        return fulfillmentItemId;
    }

    public UUID billingTriggerId() {
        return billingTriggerId;
    }

    public FalloutCaseStatus status() {
        return status;
    }

    public String ownerGroup() {
        return ownerGroup;
    }

    public String description() {
        return description;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public FalloutSeverity severity() {
        return severity;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public int escalations() {
        return escalationCount;
    }

    /** What the customer was asked, while the case waits for the answer. */
    public String customerRequest() {
        return status == FalloutCaseStatus.WAITING_CUSTOMER ? customerRequest : null;
    }

    public FalloutCaseView view() {
        return view(null);
    }

    /** The case as operations see it, with its order's jeopardy. */
    public FalloutCaseView view(Jeopardy orderJeopardy) {
        return new FalloutCaseView(id, orderId, orderLineId, fulfillmentItemId, billingTriggerId, status, severity, reasonCode, description,
                ownerGroup, ownerUserId, openedAt, resolvedAt, resolvedBy, resolutionCode, resolutionNote, dueAt, customerRequest,
                escalationCount, allowedActions(), orderJeopardy, entityVersion);
    }
}
