package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.Severity;
import io.cpqoms.order.api.ValidationCheck;
import jakarta.persistence.Transient;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.order.api.BillingIntegrationEvent;
import io.cpqoms.order.api.BillingTriggerKind;
import io.cpqoms.order.api.BillingTriggerStatus;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.CustomerOrderStatus;
import io.cpqoms.order.api.CustomerOrderSummary;
import io.cpqoms.order.api.CustomerOrderView;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutResolution;
import io.cpqoms.order.api.FalloutResolution.Action;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.Jeopardy;
import io.cpqoms.order.api.MilestoneView;
import io.cpqoms.order.api.OrderMilestone;
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
 * The order aggregate (seed 000, sections 3-19): the root of the header, the commercial line tree,
 * the fulfillment plan's items, the fallout cases, the billing triggers (seed 002 section 17) and the
 * latest validation result, kept consistent together. Every rule of the order's life is here: each
 * command checks the state, changes it along {@link Lifecycles}, moves the fulfillment forward
 * (dispatch what is ready, bill each line once it is complete, complete the order once, compensate in
 * reverse order when cancelling) and records what happened as typed {@link OrderEvent}s, which the
 * repository hands to the order journal when it saves. The source quote evidence is fixed at capture;
 * every change bumps the entity version (optimistic locking). Commands on one order run one at a time:
 * the repository loads it locked.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder {

    public static final String ORDER_TRANSITION_NOT_ALLOWED = "ORDER_TRANSITION_NOT_ALLOWED";
    public static final String PRIORITY_NORMAL = "NORMAL";
    public static final String FULFILLMENT_ITEM_NOT_FOUND = "FULFILLMENT_ITEM_NOT_FOUND";
    public static final String FALLOUT_CASE_NOT_FOUND = "FALLOUT_CASE_NOT_FOUND";
    public static final String ORDER_NOT_IN_FULFILLMENT = "ORDER_NOT_IN_FULFILLMENT";
    public static final String ORDER_NOT_CANCELLABLE = "ORDER_NOT_CANCELLABLE";
    public static final String ORDER_NOT_HELD = "ORDER_NOT_HELD";
    public static final String BLOCKER_NOT_OVERRIDABLE = "BLOCKER_NOT_OVERRIDABLE";
    public static final String NOT_IN_OWNER_GROUP = "NOT_IN_OWNER_GROUP";
    public static final String FALLOUT_CASE_CLOSED = "FALLOUT_CASE_CLOSED";
    public static final String FALLOUT_NOTE_REQUIRED = "FALLOUT_NOTE_REQUIRED";
    public static final String FALLOUT_CAUSE_STANDS = "FALLOUT_CAUSE_STANDS";
    public static final String INVALID_ITEM_REPORT = "INVALID_ITEM_REPORT";

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
    /** When the order is committed to be complete: its planning time plus its plan's critical path. */
    @Column(name = "committed_completion_at")
    private Instant committedCompletionAt;
    @Enumerated(EnumType.STRING)
    private Jeopardy jeopardy;
    @Column(name = "jeopardy_raised_at")
    private Instant jeopardyRaisedAt;
    @Column(name = "completion_warned_at")
    private Instant completionWarnedAt;
    /** When the order's one expectation timer fires: the earliest expected time of an item still out. */
    @Column(name = "expectation_due_at")
    private Instant expectationDueAt;
    /** The milestones reached, each once, with when: {milestone: instant}. */
    @Convert(converter = JsonText.class)
    @Column(name = "milestones")
    private String milestonesPayload;
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

    /** The plan's items in plan order, the fallout cases oldest first and the latest validation: loaded with the order. */
    @Transient
    private List<FulfillmentItem> items = new ArrayList<>();
    @Transient
    private List<FalloutCase> falloutCases = new ArrayList<>();
    @Transient
    private ValidationResult validation;
    /** Reads the latest validation when it is first needed (an override, the operator view), not on every command. */
    @Transient
    private java.util.function.Supplier<ValidationResult> latestValidation = () -> null;
    @Transient
    private List<BillingTrigger> billingTriggers = new ArrayList<>();
    /** How long billing has to answer a trigger: the stack's setting, given by the repository when it loads the order. */
    @Transient
    private BillingPolicy billing = BillingPolicy.DEFAULT;
    /** Items, cases, results, billing triggers and products this command created, for the repository to store. */
    @Transient
    private List<Object> created = new ArrayList<>();
    @Transient
    private List<Recorded> recorded = new ArrayList<>();
    @Transient
    private PriceSnapshot price;
    @Transient
    private Map<UUID, ProductAsset> products = Map.of();
    @Transient
    private Map<OrderMilestone, Instant> milestones;

    /** An event with the order's status when it happened. */
    public record Recorded(OrderEvent event, OrderStatus status) {
    }

    protected CustomerOrder() {
    }

    // ---- capture and validation ------------------------------------------------------------------

    /** A captured order: header, source evidence and line tree (parents before children). */
    public static CustomerOrder capture(UUID id, String tenantId, String orderNumber, OrderDraft draft, String fingerprint,
                                        String actor, String idempotencyKey, Instant now) {
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
            order.price = price;
        }
        order.contentFingerprint = fingerprint;
        order.createdBy = actor;
        order.createdAt = now;
        order.updatedAt = now;
        for (int i = 0; i < draft.lines().size(); i++) {
            order.lines.add(new OrderLine(order, draft.lines().get(i), i, now));
        }
        order.record(new OrderEvent.Captured(orderNumber, draft.orderType(), draft.sourceQuoteId(),
                draft.sourceQuoteNumber(), draft.sourceQuoteRevision(), draft.acceptanceId(), draft.catalogVersionId(),
                draft.lines().size(), idempotencyKey, order.currency, order.oneTimeTotal));
        order.reach(OrderMilestone.ORDER_CAPTURED, now);
        return order;
    }

    /**
     * Records the validation of the captured order (the checks run at capture, seed 000 sections 9-10):
     * VALIDATED when nothing blocks it, HELD with the findings stored when something does.
     */
    public void validate(OrderValidation.Outcome outcome, String actor, Instant now) {
        ValidationResult result = new ValidationResult(id, outcome, actor, now);
        validation = result;
        created.add(result);
        if (result.passed()) {
            moveTo(OrderStatus.VALIDATED, now);
            record(new OrderEvent.Validated(result.id(), outcome.performed(), outcome.findings().size()));
            reach(OrderMilestone.ORDER_VALIDATED, now);
        } else {
            moveTo(OrderStatus.HELD, now);
            record(new OrderEvent.Held(result.id(), outcome.findings().stream().map(ValidationCheck::code).toList()));
        }
    }

    /**
     * A supervisor's override of a held order's blockers (seed 000, sections 33 and 37). Only
     * overridable blockers (a possible duplicate) can be; the order goes on to its plan.
     */
    public void overrideValidation(String actor, String reason, Instant now) {
        if (status != OrderStatus.HELD) {
            throw DomainException.conflict(ORDER_NOT_HELD, "Order " + orderNumber + " is " + status
                    + "; only a held order has blockers to override.");
        }
        ValidationResult validation = validation();
        List<String> hard = validation.hardBlockers().stream().map(ValidationCheck::code).toList();
        if (!hard.isEmpty()) {
            throw DomainException.conflict(BLOCKER_NOT_OVERRIDABLE, "Order " + orderNumber + " is held by " + hard
                    + ", which no override lets through; correct the cause or cancel the order.");
        }
        List<String> overridden = validation.findings().stream().filter(c -> c.severity() == Severity.BLOCKER)
                .map(ValidationCheck::code).toList();
        validation.override(actor, reason, now);
        moveTo(OrderStatus.VALIDATED, now);
        record(new OrderEvent.ValidationOverridden(validation.id(), overridden, reason, actor));
        reach(OrderMilestone.ORDER_VALIDATED, now);
    }

    // ---- plan -------------------------------------------------------------------------------------

    /** Whether the order is validated and has no plan yet: the next thing it needs is {@link #plan}. */
    public boolean awaitsPlan() {
        return status == OrderStatus.VALIDATED && items.isEmpty();
    }

    /** The specifications decomposition needs: those of the order's lines. */
    public Set<String> specificationIds() {
        return lines.stream().map(OrderLine::productSpecificationId).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Builds the fulfillment plan from the fulfillment metadata of the order's pinned catalog version
     * (seed 000, sections 11-12) and starts fulfillment: the order is IN_PROGRESS and the items without
     * open dependencies go out. A plan that cannot be built puts the order in FALLOUT with a case for
     * order management. Does nothing for an order that does not await its plan (a repeated request).
     */
    public void plan(Map<String, ProductSpecification> specifications, Instant now) {
        plan(specifications, SlaPolicy.AS_CATALOGUED, now);
    }

    /**
     * Builds the plan (seed 000, sections 11-12) and starts it. The order gets its committed completion
     * date: now plus the plan's critical path of expected durations (on the policy's time scale), with
     * a warning timer at the policy's ratio of that span and a breach timer after it.
     */
    public void plan(Map<String, ProductSpecification> specifications, SlaPolicy sla, Instant now) {
        if (!awaitsPlan()) {
            return;
        }
        List<Decomposition.PlannedItem> plan;
        try {
            plan = Decomposition.plan(id, lines.stream().map(OrderLine::planLine).toList(), specifications);
        } catch (DomainException e) {
            moveTo(OrderStatus.FALLOUT, now);
            record(new OrderEvent.DecompositionFailed(e.violations()));
            open(FalloutCase.forOrder(tenantId, id, FalloutCase.DECOMPOSITION_FAILED, "No fulfillment plan can be built: "
                    + String.join("; ", OrderEvent.DecompositionFailed.texts(e.violations())), now));
            return;
        }
        for (Decomposition.PlannedItem planned : plan) {
            FulfillmentItem item = new FulfillmentItem(id, planned.scaled(sla.timeScale()), now);
            items.add(item);
            created.add(item);
        }
        updatedAt = now;
        record(new OrderEvent.Decomposed(catalogVersionId, plan.stream()
                .map(i -> i.itemType() + " for line " + line(i.orderLineId()).lineNumber()).toList()));
        reach(OrderMilestone.ORDER_DECOMPOSED, now);
        moveTo(OrderStatus.IN_PROGRESS, now);
        record(new OrderEvent.FulfillmentStarted(items.size()));
        reach(OrderMilestone.FULFILLMENT_STARTED, now);
        java.time.Duration span = plan().criticalPath();
        if (!span.isZero()) {
            committedCompletionAt = now.plus(span).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            Instant warningAt = now.plusMillis(Math.round(span.toMillis() * sla.warningRatio()))
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            record(new OrderEvent.CompletionCommitted(id, committedCompletionAt, warningAt));
        }
        advance(now);
    }

    // ---- time: jeopardy and milestones (seed 000, section 31) -------------------------------------

    /**
     * The order's earliest expectation passed: every item whose work is still out past its expected
     * time is overdue (once), the order in jeopardy (at least WARNING); the timer is set for the next
     * expectation. A timer a later, earlier expectation replaced finds nothing to do.
     */
    public void expectationDue(Instant due, Instant now) {
        if (!due.equals(expectationDueAt)) {
            return;
        }
        expectationDueAt = null;
        updatedAt = now;
        if (inFulfillment()) {
            for (FulfillmentItem item : items) {
                if (item.overdue(now)) {
                    raise(jeopardy == null ? Jeopardy.WARNING : jeopardy, OrderEvent.JeopardyRaised.ITEM_OVERDUE, item,
                            item.expectedBy(), now);
                }
            }
            items.stream().filter(FulfillmentItem::expected).map(FulfillmentItem::expectedBy).min(Comparator.naturalOrder())
                    .ifPresent(this::expectBy);
        }
    }

    /** Sets the order's expectation timer for {@code at} unless one is set for an earlier time already. */
    private void expectBy(Instant at) {
        if (at != null && (expectationDueAt == null || at.isBefore(expectationDueAt))) {
            expectationDueAt = at;
            record(new OrderEvent.ExpectationSet(id, at));
        }
    }

    /**
     * The completion warning ({@code breach} false) or the committed date passed, with the order not
     * complete: WARNING (and the breach timer), then BREACH; each once.
     */
    public void completionDue(boolean breach, Instant due, Instant now) {
        if (!inFulfillment() || committedCompletionAt == null || jeopardy == Jeopardy.BREACH
                || (!breach && completionWarnedAt != null)) {
            return;
        }
        updatedAt = now;
        if (!breach) {
            completionWarnedAt = now;
        }
        raise(breach ? Jeopardy.BREACH : Jeopardy.WARNING, breach ? OrderEvent.JeopardyRaised.COMPLETION_BREACHED
                : OrderEvent.JeopardyRaised.COMPLETION_AT_RISK, null, due, now);
    }

    private void raise(Jeopardy level, String reason, FulfillmentItem item, Instant due, Instant now) {
        if (jeopardy != level) {
            jeopardyRaisedAt = now;
        }
        jeopardy = level;
        record(new OrderEvent.JeopardyRaised(id, level, reason, item == null ? null : item.id(),
                item == null ? null : item.itemType(), due, committedCompletionAt));
    }

    private boolean inFulfillment() {
        return status == OrderStatus.IN_PROGRESS || status == OrderStatus.FALLOUT;
    }

    /** Records a milestone the first time it is reached. */
    private void reach(OrderMilestone milestone, Instant now) {
        Map<OrderMilestone, Instant> reached = milestones();
        if (reached.containsKey(milestone)) {
            return;
        }
        reached.put(milestone, now);
        Map<String, String> payload = new java.util.LinkedHashMap<>();
        reached.forEach((m, at) -> payload.put(m.name(), at.toString()));
        milestonesPayload = Json.write(payload);
        record(new OrderEvent.MilestoneReached(milestone, now));
    }

    /** The milestones reached so far, in the order they were reached. */
    public List<MilestoneView> milestoneViews() {
        return milestones().entrySet().stream().map(e -> new MilestoneView(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(MilestoneView::reachedAt).thenComparing(MilestoneView::milestone)).toList();
    }

    private Map<OrderMilestone, Instant> milestones() {
        if (milestones == null) {
            milestones = new java.util.EnumMap<>(OrderMilestone.class);
            if (milestonesPayload != null) {
                Map<?, ?> stored = Json.read(milestonesPayload, java.util.LinkedHashMap.class);
                stored.forEach((m, at) -> milestones.put(OrderMilestone.valueOf((String) m), Instant.parse((String) at)));
            }
        }
        return milestones;
    }

    // ---- item outcomes ----------------------------------------------------------------------------

    /**
     * A system's report that an item's work, or its compensation, is done (seed 000, section 25).
     * A repeated report of the same outcome changes nothing; one for another attempt, or contradicting
     * the recorded outcome, is refused.
     */
    public FulfillmentItem itemCompleted(UUID itemId, String externalRequestId, String externalReference,
                                         Map<String, String> result, Instant now) {
        if (externalReference == null || externalReference.isBlank()) {
            throw DomainException.invalidInput(INVALID_ITEM_REPORT, "A completion carries the external reference of the work done.");
        }
        FulfillmentItem item = item(itemId);
        if (!item.complete(externalRequestId, externalReference, result, now)) {
            return item;
        }
        updatedAt = now;
        if (item.status() == FulfillmentItemStatus.COMPENSATED) {
            record(new OrderEvent.ItemCompensated(item.id(), item.itemType(), item.responsibleSystem(),
                    item.externalRequestId(), externalReference));
        } else {
            record(new OrderEvent.ItemCompleted(item.id(), item.itemType(), item.responsibleSystem(),
                    item.externalRequestId(), item.externalReference()));
        }
        advance(now);
        return item;
    }

    /**
     * A system's report that an item, or its compensation, failed: the order falls out and a case is
     * opened for the work group of the item's system (HIGH when the system found the request itself
     * invalid: a defect). A repeated report changes nothing.
     */
    public FulfillmentItem itemFailed(UUID itemId, String externalRequestId, String code, String message, boolean defect,
                                      Instant now) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalidInput(INVALID_ITEM_REPORT, "A failure carries a domain error code.");
        }
        FulfillmentItem item = item(itemId);
        boolean compensation = item.status() == FulfillmentItemStatus.COMPENSATING;
        if (!item.fail(externalRequestId, code, message, now)) {
            return item;
        }
        updatedAt = now;
        record(compensation
                ? new OrderEvent.CompensationFailed(item.id(), item.itemType(), item.responsibleSystem(),
                        item.externalRequestId(), code, message)
                : new OrderEvent.ItemFailed(item.id(), item.itemType(), item.responsibleSystem(), item.externalRequestId(),
                        code, message, defect));
        if (status == OrderStatus.IN_PROGRESS) {
            moveTo(OrderStatus.FALLOUT, now);
            record(new OrderEvent.FellOut(item.id(), code));
        }
        if (compensation || status == OrderStatus.FALLOUT) {
            open(FalloutCase.forItem(tenantId, id, item, compensation, defect, now));
        }
        advance(now);
        return item;
    }

    /**
     * Nothing of an item's request reached its system (it was down, refused the connection): the same
     * request goes again on a timer after the backoff's delay, within the item's retry budget; a used-up
     * budget fails the item and opens a case (RETRY_BUDGET_EXHAUSTED). A repeated report changes nothing.
     */
    public FulfillmentItem itemRetryable(UUID itemId, String externalRequestId, String reason, RetryBackoff backoff,
                                         Instant now) {
        FulfillmentItem item = item(itemId);
        boolean waiting = item.nextAttemptAt() != null;
        boolean compensation = item.status() == FulfillmentItemStatus.COMPENSATING;
        if (item.retryLater(externalRequestId, backoff.delay(item.retryCount() + 1), reason, now)) {
            if (!waiting) {
                updatedAt = now;
                record(new OrderEvent.ItemRetryScheduled(id, item.id(), item.itemType(), item.responsibleSystem(),
                        item.externalRequestId(), item.retryCount(), item.nextAttemptAt(), reason));
            }
            return item;
        }
        failedOnItsOwn(item, compensation, now);
        return item;
    }

    /** An item failed by the order's own rule (a budget used up): recorded as a failure, with its fallout. */
    private void failedOnItsOwn(FulfillmentItem item, boolean compensation, Instant now) {
        updatedAt = now;
        record(compensation
                ? new OrderEvent.CompensationFailed(item.id(), item.itemType(), item.responsibleSystem(),
                        item.externalRequestId(), item.failureCode(), item.failureMessage())
                : new OrderEvent.ItemFailed(item.id(), item.itemType(), item.responsibleSystem(), item.externalRequestId(),
                        item.failureCode(), item.failureMessage(), false));
        if (status == OrderStatus.IN_PROGRESS) {
            moveTo(OrderStatus.FALLOUT, now);
            record(new OrderEvent.FellOut(item.id(), item.failureCode()));
        }
        if (compensation || status == OrderStatus.FALLOUT) {
            open(FalloutCase.forItem(tenantId, id, item, compensation, false, now));
        }
        advance(now);
    }

    /**
     * An item's request was sent and not answered: the item waits for its outcome, and its system is
     * asked about the request on a timer, with backoff, at most {@code polls} times; when no system
     * can tell within them the item fails with UNKNOWN_OUTCOME and a case is opened. Never sent blind.
     */
    public FulfillmentItem itemOutcomeUnknown(UUID itemId, String externalRequestId, String reason, RetryBackoff backoff,
                                              int polls, Instant now) {
        FulfillmentItem item = item(itemId);
        boolean waiting = item.nextAttemptAt() != null;
        boolean compensation = item.status() == FulfillmentItemStatus.COMPENSATING;
        if (item.outcomeUnknown(externalRequestId, backoff.delay(item.statusQueryCount() + 1), polls, reason, now)) {
            if (!waiting) {
                updatedAt = now;
                record(new OrderEvent.OutcomeUnknown(id, item.id(), item.itemType(), item.responsibleSystem(),
                        item.externalRequestId(), item.statusQueryCount(), item.nextAttemptAt(), reason));
            }
            return item;
        }
        failedOnItsOwn(item, compensation, now);
        return item;
    }

    /** An item's next attempt is due: its request again, or a status query; nothing if the item has moved on since. */
    public void attemptDue(UUID itemId, String externalRequestId, Instant now) {
        FulfillmentItem item = item(itemId);
        FulfillmentDispatch dispatch = item.attemptDue(externalRequestId, tenantId, orderNumber, now);
        if (dispatch != null) {
            updatedAt = now;
            record(dispatch.statusQuery() ? new OrderEvent.StatusQuerySent(dispatch, item.statusQueryCount())
                    : new OrderEvent.RetrySent(dispatch, item.retryCount()));
        }
    }

    /**
     * Break glass: completes an item its system has not reported on (or refused), with the reason and
     * an extra record; the item's open case is resolved and fulfillment goes on.
     */
    public FulfillmentItem forceComplete(UUID itemId, String actor, String reason, String externalReference, Instant now) {
        FulfillmentItem item = item(itemId);
        if (status != OrderStatus.IN_PROGRESS && status != OrderStatus.FALLOUT) {
            throw DomainException.conflict(ORDER_NOT_IN_FULFILLMENT, "Order " + orderNumber + " is " + status
                    + "; items are completed by force only while the order is in fulfillment.");
        }
        FulfillmentItemStatus before = item.status();
        item.forceComplete(actor, reason, externalReference, now);
        updatedAt = now;
        record(new OrderEvent.ItemForceCompleted(item.id(), item.itemType(), item.responsibleSystem(), before,
                item.externalReference(), reason));
        record(new OrderEvent.BreakGlassUsed("FORCE_COMPLETE_ITEM", item.id(), item.itemType(), reason));
        for (FalloutCase fallout : falloutCases) {
            if (fallout.isOpen() && item.id().equals(fallout.fulfillmentItemId())) {
                resolve(fallout, actor, FalloutCase.FORCE_COMPLETED, reason, now);
            }
        }
        advance(now);
        return item;
    }

    // ---- fallout ----------------------------------------------------------------------------------

    /**
     * A message of this order for one of its items (a dispatch or a status query) exhausted its
     * redeliveries and was dead-lettered (seed 000, section 38: nothing waits silently). If the item is
     * still on that attempt it fails with MESSAGE_DEAD_LETTERED and a case opens for its group: the
     * system may or may not have done the work, so the case says to look the external request up before
     * a retry. The dead letter is audited either way.
     */
    public void itemMessageDeadLettered(UUID itemId, String externalRequestId, DeadLetter letter, Instant now) {
        updatedAt = now;
        record(new OrderEvent.MessageDeadLettered(letter.messageId(), letter.destination(), letter.messageType(), itemId,
                externalRequestId, letter.reason(), letter.deliveryCount()));
        FulfillmentItem item = items.stream().filter(i -> i.id().equals(itemId)).findFirst().orElse(null);
        if (item != null && item.awaits(externalRequestId)) {
            itemFailed(itemId, externalRequestId, FulfillmentItem.MESSAGE_DEAD_LETTERED, "message " + letter.messageId()
                    + " on " + letter.destination() + " died after " + letter.deliveryCount() + " deliveries ("
                    + letter.reason() + "); look request " + externalRequestId + " up at its system before a retry",
                    false, now);
        }
    }

    /**
     * A timer of the order kept failing (nothing waits silently): its purpose is audited and a case
     * opens. A due retry or status query of an item still on that attempt fails the item
     * (TIMER_FAILED), since nothing else would send it; another timer (a jeopardy, a case's due time)
     * opens one case for order management.
     */
    public void timerFailed(OrderTimer due, String error, Instant now) {
        updatedAt = now;
        UUID itemId = due instanceof OrderTimer.AttemptDue attempt ? attempt.itemId() : null;
        record(new OrderEvent.TimerFailed(due.getClass().getSimpleName(), itemId, error));
        FulfillmentItem item = itemId == null ? null : items.stream().filter(i -> i.id().equals(itemId)).findFirst().orElse(null);
        String requestId = due instanceof OrderTimer.AttemptDue attempt ? attempt.externalRequestId() : null;
        if (item != null && item.awaits(requestId)) {
            itemFailed(itemId, requestId, FulfillmentItem.TIMER_FAILED, "the timer of its next attempt kept failing: " + error,
                    false, now);
        } else if (falloutCases.stream().noneMatch(f -> f.isOpen() && FulfillmentItem.TIMER_FAILED.equals(f.reasonCode()))) {
            open(FalloutCase.forOrder(tenantId, id, FulfillmentItem.TIMER_FAILED, "A timer of the order ("
                    + due.getClass().getSimpleName() + ") kept failing: " + error, now));
        }
    }

    /**
     * The message asking for one of the order's own steps died. If the order still waits for the step
     * a case opens for order management, whose RETRY_ITEM asks for the step again.
     */
    public void stepMessageDeadLettered(DeadLetter letter, Instant now) {
        updatedAt = now;
        record(new OrderEvent.MessageDeadLettered(letter.messageId(), letter.destination(), letter.messageType(), null, null,
                letter.reason(), letter.deliveryCount()));
        boolean open = falloutCases.stream().anyMatch(f -> f.isOpen() && f.fulfillmentItemId() == null
                && FulfillmentItem.MESSAGE_DEAD_LETTERED.equals(f.reasonCode()));
        if (awaitsPlan() && !open) {
            open(FalloutCase.forOrder(tenantId, id, FulfillmentItem.MESSAGE_DEAD_LETTERED, "The order's step "
                    + letter.messageType() + " did not run: message " + letter.messageId() + " died after "
                    + letter.deliveryCount() + " deliveries (" + letter.reason() + ")", now));
        }
    }

    /** Assigns an open case to a person; the caller works the cases of its group or is a supervisor. */
    public FalloutCase assignFallout(UUID caseId, CommandContext caller, String assignee, Instant now) {
        FalloutCase fallout = workable(caseId, caller);
        fallout.assign(assignee);
        updatedAt = now;
        record(new OrderEvent.FalloutAssigned(fallout.id(), assignee));
        return fallout;
    }

    /**
     * Works a case by one of the commands of seed 000 section 17, never by editing the order's data.
     * The case must take the action ({@link FalloutCase#allowedActions}: 400 otherwise, listing them);
     * every action but a retry carries a note. Requests to the customer and escalations have a due time,
     * and a timer that escalates the case if nobody answered by then.
     */
    public FalloutCase resolveFallout(UUID caseId, CommandContext caller, FalloutResolution resolution,
                                      FalloutDeadlines deadlines, Instant now) {
        FalloutCase fallout = workable(caseId, caller);
        Action action = resolution.action();
        fallout.checkAllowed(action);
        String note = resolution.note() == null || resolution.note().isBlank() ? null : resolution.note().strip();
        if (note == null && action != Action.RETRY_ITEM) {
            throw DomainException.invalidInput(FALLOUT_NOTE_REQUIRED, action + " needs a note: the reason, or what is asked.");
        }
        updatedAt = now;
        switch (action) {
            case RETRY_ITEM -> {
                retry(fallout, now);
                resolve(fallout, caller.actor(), FalloutCase.RETRIED, note, now);
            }
            case CORRECT_ORDER_DATA -> {
                FulfillmentItem item = item(fallout.fulfillmentItemId());
                Map<String, String> before = item.correct(resolution.corrections(), now);
                record(new OrderEvent.OrderDataCorrected(item.id(), item.itemType(), before, resolution.corrections(), note));
                retry(fallout, now);
                resolve(fallout, caller.actor(), FalloutCase.ORDER_DATA_CORRECTED, note, now);
            }
            case SKIP_ITEM -> {
                FulfillmentItem item = item(fallout.fulfillmentItemId());
                String failure = item.failureCode();
                item.waive(caller.actor(), note, now);
                record(new OrderEvent.ItemWaived(item.id(), item.itemType(), item.responsibleSystem(), failure, note));
                resolve(fallout, caller.actor(), FalloutCase.ITEM_WAIVED, note, now);
            }
            case REQUEST_CUSTOMER_INFO -> {
                fallout.waitForCustomer(note, now.plus(deadlines.customerWait()));
                record(new OrderEvent.CustomerInfoRequested(id, fallout.id(), fallout.fulfillmentItemId(), note, fallout.dueAt()));
                reach(OrderMilestone.CUSTOMER_INFO_REQUESTED, now);
                return fallout;
            }
            case ESCALATE -> {
                escalate(fallout, note, false, deadlines, now);
                return fallout;
            }
            case MARK_RESOLVED -> {
                if (causeStands(fallout)) {
                    throw DomainException.conflict(FALLOUT_CAUSE_STANDS, "Fallout case " + caseId + " (" + fallout.reasonCode()
                            + ") still stands: " + (fallout.fulfillmentItemId() == null ? "the order has no plan"
                            : "its item is " + item(fallout.fulfillmentItemId()).status()) + "; act on it, or cancel the order.");
                }
                resolve(fallout, caller.actor(), FalloutCase.MARKED_RESOLVED, note, now);
            }
            case RESEND_BILLING_TRIGGER -> {
                BillingTrigger trigger = billingTrigger(fallout.billingTriggerId());
                BillingIntegrationEvent.TriggerResent sent = trigger.resend(billing.acknowledgementTimeout(), now);
                record(new OrderEvent.BillingTriggerResent(trigger, sent, trigger.acknowledgementDueAt(), fallout.id(), note));
                resolve(fallout, caller.actor(), FalloutCase.BILLING_TRIGGER_RESENT, note, now);
            }
            case CANCEL_ORDER -> {
                resolve(fallout, caller.actor(), FalloutCase.ORDER_CANCELLED, note, now);
                requestCancellation(caller.actor(), new CancellationRequest(note, CancellationRequest.Initiator.INTERNAL), now);
                return fallout;
            }
        }
        advance(now);
        return fallout;
    }

    /**
     * A case's due time passed: a request to the customer that was not answered, or an escalation the
     * desk did not take up, escalates (again). Nothing if the case moved on since the timer was set.
     */
    public void falloutCaseDue(UUID caseId, Instant due, FalloutDeadlines deadlines, Instant now) {
        falloutCases.stream().filter(f -> f.id().equals(caseId) && f.dueAt(due)).findFirst().ifPresent(fallout -> {
            updatedAt = now;
            escalate(fallout, fallout.status() == FalloutCaseStatus.WAITING_CUSTOMER
                    ? "The customer did not answer by " + due : "Nobody took the escalation up by " + due, true, deadlines, now);
        });
    }

    private void escalate(FalloutCase fallout, String reason, boolean automatic, FalloutDeadlines deadlines, Instant now) {
        fallout.escalate(now.plus(deadlines.escalationResponse()));
        record(new OrderEvent.FalloutEscalated(id, fallout.id(), fallout.severity(), fallout.ownerGroup(),
                fallout.escalations(), reason, automatic, fallout.dueAt()));
    }

    /** Whether what opened the case is still so: its item still failed, or the order still without a plan. */
    private boolean causeStands(FalloutCase fallout) {
        if (fallout.billingTriggerId() != null) {
            return false; // billing settled outside the product: the note says how
        }
        if (fallout.fulfillmentItemId() == null) {
            return items.isEmpty() && (status == OrderStatus.FALLOUT || awaitsPlan());
        }
        FulfillmentItemStatus itemStatus = item(fallout.fulfillmentItemId()).status();
        return itemStatus == FulfillmentItemStatus.FAILED || itemStatus == FulfillmentItemStatus.COMPENSATION_FAILED;
    }

    /**
     * Sends the case's failed item (or failed compensation) again as a new attempt; for a case of the
     * order's plan step whose message died, asks for the step again.
     */
    private void retry(FalloutCase fallout, Instant now) {
        if (fallout.fulfillmentItemId() == null) {
            record(new OrderEvent.StepRetried(OrderEvent.PLAN_FULFILLMENT));
            return;
        }
        FulfillmentItem item = item(fallout.fulfillmentItemId());
        record(new OrderEvent.ItemRetried(item.retry(tenantId, orderNumber, now)));
        if (item.status() == FulfillmentItemStatus.IN_PROGRESS) {
            expectBy(item.expectedBy());
        }
    }

    private FalloutCase workable(UUID caseId, CommandContext caller) {
        FalloutCase fallout = falloutCases.stream().filter(f -> f.id().equals(caseId)).findFirst()
                .orElseThrow(() -> DomainException.notFound(FALLOUT_CASE_NOT_FOUND,
                        "Fallout case " + caseId + " does not exist on this order."));
        if (!caller.hasRole(Roles.OPERATIONS_SUPERVISOR) && !caller.inWorkgroup(fallout.ownerGroup())) {
            throw DomainException.forbidden(NOT_IN_OWNER_GROUP, "Fallout case " + caseId + " belongs to work group "
                    + fallout.ownerGroup() + "; its members or a supervisor work it.");
        }
        if (!fallout.isOpen()) {
            throw DomainException.conflict(FALLOUT_CASE_CLOSED, "Fallout case " + caseId + " is " + fallout.status() + ".");
        }
        return fallout;
    }

    private void open(FalloutCase fallout) {
        falloutCases.add(fallout);
        created.add(fallout);
        record(new OrderEvent.FalloutOpened(fallout.id(), fallout.reasonCode(), fallout.ownerGroup(),
                fallout.fulfillmentItemId(), fallout.description()));
    }

    private void resolve(FalloutCase fallout, String actor, String resolutionCode, String note, Instant now) {
        fallout.resolve(actor, resolutionCode, note, now);
        record(new OrderEvent.FalloutResolved(fallout.id(), resolutionCode, note));
    }

    // ---- billing (seed 002 section 17, docs/billing.md) -------------------------------------------

    /**
     * The billing condition (seed 002 section 17: nothing is billed before it holds): a line takes
     * effect, once, in the command that finishes its items on the billing system (all its items for a
     * line without one, its children for a bundle line without items of its own), and billing is told in
     * that command, one trigger per billable effect ({@link BillingTrigger#forLine}). The order's own
     * completion does not wait for billing's answers.
     */
    private void takeEffect(FulfillmentPlan plan, Instant now) {
        Map<UUID, List<FulfillmentItem>> billingItems = plan.billingItemsByLine();
        for (OrderLine line : lines) {
            List<FulfillmentItem> its = billingItems.get(line.id());
            if (line.effectiveAt() == null && (its == null ? line.status() == OrderLine.Status.COMPLETED
                    : its.stream().allMatch(FulfillmentItem::done))) {
                line.tookEffect(now);
                BillingTrigger.forLine(this, line, products.get(line.productId()), billing.acknowledgementTimeout(), now)
                        .forEach(this::send);
            }
        }
    }

    /**
     * The order was cancelled after some of its lines were billed (their work since compensated): each
     * subscription a line started, and billing did not refuse, is stopped from the day of the
     * cancellation. A one-time charge is not taken back by a trigger: crediting it is billing's call.
     */
    private void stopStartedSubscriptions(Instant now) {
        for (BillingTrigger start : List.copyOf(billingTriggers)) {
            if (start.kind() == BillingTriggerKind.START_SUBSCRIPTION && start.status() != BillingTriggerStatus.REJECTED) {
                send(start.stopping(this, billing.acknowledgementTimeout(), now));
            }
        }
    }

    /** Sends a new trigger, unless its line has one of that kind already (one per line and kind). */
    private void send(BillingTrigger trigger) {
        if (billingTriggers.stream().anyMatch(t -> t.orderLineId().equals(trigger.orderLineId()) && t.kind() == trigger.kind())) {
            return;
        }
        billingTriggers.add(trigger);
        created.add(trigger);
        record(new OrderEvent.BillingTriggerCreated(trigger, trigger.created(), trigger.acknowledgementDueAt()));
    }

    /**
     * The billing system accepted a trigger (whatever the order's status: a completed order still
     * takes billing's answers). The same acknowledgement again changes nothing; one contradicting the
     * recorded answer is 409. A case open because the trigger was not answered closes.
     */
    public BillingTrigger acknowledgeBilling(UUID triggerId, String billingReference, String actor, Instant now) {
        if (billingReference == null || billingReference.isBlank()) {
            throw DomainException.invalidInput(BillingTrigger.INVALID_BILLING_ANSWER,
                    "An acknowledgement carries the billing system's reference.");
        }
        BillingTrigger trigger = billingTrigger(triggerId);
        if (!trigger.acknowledge(billingReference.strip(), now)) {
            return trigger;
        }
        updatedAt = now;
        record(new OrderEvent.BillingTriggerAcknowledged(trigger, new BillingIntegrationEvent.TriggerAcknowledged(
                trigger.id(), trigger.kind(), id, trigger.orderLineId(), trigger.productId(), trigger.billingReference(), now)));
        answered(trigger, actor, now);
        return trigger;
    }

    /**
     * The billing system refused a trigger: REJECTED, and a billing fallout case opens for billing
     * operations (HIGH), whose RESEND_BILLING_TRIGGER sends it again once corrected. The order's status
     * is not touched. The same rejection again changes nothing; a contradicting answer is 409.
     */
    public BillingTrigger rejectBilling(UUID triggerId, String code, String reason, String actor, Instant now) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalidInput(BillingTrigger.INVALID_BILLING_ANSWER, "A rejection carries billing's error code.");
        }
        BillingTrigger trigger = billingTrigger(triggerId);
        String strippedReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (!trigger.reject(code.strip(), strippedReason, now)) {
            return trigger;
        }
        updatedAt = now;
        answered(trigger, actor, now);
        FalloutCase fallout = FalloutCase.forBillingTrigger(trigger, FalloutCase.BILLING_REJECTED, "Billing refused "
                + trigger.kind() + " for line " + line(trigger.orderLineId()).lineNumber() + ": " + trigger.rejectionCode()
                + (strippedReason == null ? "" : " (" + strippedReason + ")"), now);
        record(new OrderEvent.BillingTriggerRejected(trigger, new BillingIntegrationEvent.TriggerRejected(
                trigger.id(), trigger.kind(), id, trigger.orderLineId(), trigger.productId(), trigger.rejectionCode(),
                trigger.rejectionReason(), fallout.id(), now)));
        open(fallout);
        return trigger;
    }

    /**
     * A trigger's acknowledgement was due: if it still waits on the attempt that set the timer, the
     * wait is recorded and a billing fallout case opens (MEDIUM), once. A late answer is still taken.
     */
    public void billingAcknowledgementDue(UUID triggerId, Instant due, Instant now) {
        BillingTrigger trigger = billingTriggers.stream().filter(t -> t.id().equals(triggerId)).findFirst().orElse(null);
        if (trigger == null || !trigger.unansweredAt(due) || openCase(trigger) != null) {
            return;
        }
        updatedAt = now;
        record(new OrderEvent.BillingTriggerOverdue(trigger.id(), trigger.kind(), trigger.attempt(), due));
        open(FalloutCase.forBillingTrigger(trigger, FalloutCase.BILLING_UNACKNOWLEDGED, "Billing did not answer "
                + trigger.kind() + " for line " + line(trigger.orderLineId()).lineNumber() + " (attempt " + trigger.attempt()
                + ") by " + due, now));
    }

    /** Billing answered: a case open because it had not closes by itself. */
    private void answered(BillingTrigger trigger, String actor, Instant now) {
        FalloutCase waiting = openCase(trigger);
        if (waiting != null && FalloutCase.BILLING_UNACKNOWLEDGED.equals(waiting.reasonCode())) {
            resolve(waiting, actor, FalloutCase.BILLING_ANSWERED, "billing answered: " + trigger.status(), now);
        }
    }

    private FalloutCase openCase(BillingTrigger trigger) {
        return falloutCases.stream().filter(f -> f.isOpen() && trigger.id().equals(f.billingTriggerId())).findFirst()
                .orElse(null);
    }

    /** The trigger of this order, or 404. */
    public BillingTrigger billingTrigger(UUID triggerId) {
        return billingTriggers.stream().filter(t -> t.id().equals(triggerId)).findFirst().orElseThrow(() ->
                DomainException.notFound(BillingTrigger.BILLING_TRIGGER_NOT_FOUND, "Billing trigger " + triggerId + " does not exist."));
    }

    public List<BillingTrigger> billingTriggers() {
        return List.copyOf(billingTriggers);
    }

    /** The stack's billing settings, given by whoever loads the order. */
    public void billingPolicy(BillingPolicy policy) {
        billing = policy;
    }

    // ---- cancellation -----------------------------------------------------------------------------

    /**
     * Cancellation (seed 000, sections 18-19): the order is CANCELLING until every item is cancelled
     * or compensated, at once when nothing was started. Completed or running work without a
     * compensation action is the point of no return: such an order is refused. Asking again for a
     * cancelling or cancelled order changes nothing.
     */
    public void requestCancellation(String actor, CancellationRequest request, Instant now) {
        if (status == OrderStatus.CANCELLING || status == OrderStatus.CANCELLED) {
            return;
        }
        if (Lifecycles.isFinal(status) || !Lifecycles.canMove(status, OrderStatus.CANCELLING)) {
            throw DomainException.conflict(ORDER_NOT_CANCELLABLE, "Order " + orderNumber + " is " + status
                    + "; what it delivered is changed or terminated by a change order, not cancelled.");
        }
        List<FulfillmentItem> irreversible = plan().irreversible();
        if (!irreversible.isEmpty()) {
            throw DomainException.conflict(FulfillmentItem.POINT_OF_NO_RETURN, "Order " + orderNumber
                    + " is past the point of no return: " + irreversible.stream().map(i -> i.itemType() + " (" + i.status() + ")")
                    .toList() + " cannot be compensated.");
        }
        moveTo(OrderStatus.CANCELLING, now);
        cancellationRequestedBy = actor;
        cancellationRequestedAt = now;
        cancellationReason = request.reason();
        cancellationInitiator = request.initiator();
        record(new OrderEvent.CancellationRequested(request.reason(), request.initiator()));
        advance(now);
    }

    // ---- moving forward ---------------------------------------------------------------------------

    /**
     * Moves the fulfillment forward after any change to the plan. In fulfillment: an order in fallout
     * whose failed items have all been dealt with goes on; the items whose dependencies are complete
     * are dispatched; the order completes, exactly once, when every item has. In cancellation: what
     * has not started is cancelled, completed work is compensated in reverse order, and the order is
     * cancelled when every item is settled. The lines' fulfillment summaries follow.
     */
    private void advance(Instant now) {
        FulfillmentPlan plan = plan();
        if (status == OrderStatus.FALLOUT && !items.isEmpty() && !plan.anyFailed()) {
            moveTo(OrderStatus.IN_PROGRESS, now);
            record(new OrderEvent.FalloutCleared());
        }
        if (status == OrderStatus.IN_PROGRESS) {
            List<FulfillmentItem> ready = plan.ready();
            for (FulfillmentItem item : ready) {
                record(new OrderEvent.ItemDispatched(item.dispatch(tenantId, orderNumber, now)));
            }
            ready.stream().map(FulfillmentItem::expectedBy).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                    .ifPresent(this::expectBy);
        }
        if (status == OrderStatus.CANCELLING) {
            for (FulfillmentItem item : items) {
                if (item.cancel(now)) {
                    record(new OrderEvent.ItemCancelled(item.id(), item.itemType()));
                }
            }
            for (FulfillmentItem item : plan.compensable()) {
                record(new OrderEvent.CompensationDispatched(item.compensate(tenantId, orderNumber, now)));
            }
        }
        summariseFulfillment(plan.lineSummaries(), now);
        if (inFulfillment()) {
            takeEffect(plan, now);
            plan.milestonesReached().forEach(m -> reach(OrderMilestone.valueOf(m), now));
        }
        if (status == OrderStatus.IN_PROGRESS && plan.allCompleted()) {
            moveTo(OrderStatus.COMPLETED, now);
            reach(OrderMilestone.ORDER_COMPLETED, now);
            clearJeopardy("COMPLETED");
            updateInstalledBase(now);
            record(new OrderEvent.Completed(items.size(), now)); // the order's last event
        }
        if (status == OrderStatus.CANCELLING && plan.settled()) {
            moveTo(OrderStatus.CANCELLED, now);
            lines.forEach(line -> line.fulfillment(FulfillmentItemStatus.CANCELLED, now));
            for (FalloutCase fallout : falloutCases) {
                if (fallout.isOpen()) {
                    fallout.cancel(cancellationRequestedBy, now);
                    record(new OrderEvent.FalloutCancelled(fallout.id(), FalloutCase.ORDER_CANCELLED));
                }
            }
            stopStartedSubscriptions(now);
            record(new OrderEvent.Cancelled(items.stream().filter(i -> i.status() == FulfillmentItemStatus.COMPENSATED).count()));
            clearJeopardy("CANCELLED");
        }
    }

    /**
     * The completion brings the installed base to what the order delivered, in the same transaction: one
     * new product per ADD line (the table keeps one per line, whatever is delivered twice), and the change
     * of every line acting on an existing product (modified, terminated, suspended, resumed).
     */
    private void updateInstalledBase(Instant now) {
        List<ProductAsset> assets = InstalledBase.install(this, now);
        created.addAll(assets);
        List<ProductAsset.Change> changes = new ArrayList<>(assets.stream().map(ProductAsset::created).toList());
        changes.addAll(InstalledBase.change(this, products, now));
        if (!changes.isEmpty()) {
            record(new OrderEvent.InstalledBaseUpdated(changes));
        }
    }

    private void clearJeopardy(String outcome) {
        if (jeopardy != null) {
            record(new OrderEvent.JeopardyCleared(jeopardy, outcome));
            jeopardy = null;
        }
    }

    private void moveTo(OrderStatus target, Instant now) {
        if (!Lifecycles.canMove(status, target)) {
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
     * Updates each line's fulfillment summary from the statuses of its items; a line without items of
     * its own (a bundle) follows its children, and a line with nothing to fulfill at all is complete.
     */
    private void summariseFulfillment(Map<UUID, FulfillmentItemStatus> lineSummaries, Instant now) {
        Map<UUID, FulfillmentItemStatus> summaries = new HashMap<>(lineSummaries);
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

    private void record(OrderEvent event) {
        recorded.add(new Recorded(event, status));
    }

    private FulfillmentPlan plan() {
        return new FulfillmentPlan(items);
    }

    private OrderLine line(UUID lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst().orElseThrow();
    }

    /** The item of this order's plan, or 404. */
    public FulfillmentItem item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst().orElseThrow(() -> DomainException.notFound(
                FULFILLMENT_ITEM_NOT_FOUND, "Fulfillment item " + itemId + " does not exist on this order."));
    }

    // ---- for the repository -----------------------------------------------------------------------

    /**
     * Attaches what the repository loaded with the order: its items in plan order, its cases, its
     * latest validation and its billing triggers.
     */
    public void loaded(List<FulfillmentItem> planItems, List<FalloutCase> cases,
                       java.util.function.Supplier<ValidationResult> latestValidation, List<BillingTrigger> triggers) {
        items = new ArrayList<>(planItems);
        items.sort(Comparator.comparingInt(FulfillmentItem::sequence));
        falloutCases = new ArrayList<>(cases);
        validation = null;
        this.latestValidation = latestValidation;
        billingTriggers = new ArrayList<>(triggers);
        billingTriggers.forEach(t -> t.attach(this));
    }

    private ValidationResult validation() {
        if (validation == null) {
            validation = latestValidation.get();
        }
        return validation;
    }

    /** The installed-base products the order's lines act on, loaded with it (an order that only adds has none). */
    public void productsLoaded(Map<UUID, ProductAsset> actedOn) {
        products = Map.copyOf(actedOn);
    }

    /** The products of the installed base the lines other than ADD act on. */
    public Set<UUID> actedOnProducts() {
        return lines.stream().filter(l -> l.action() != io.cpqoms.catalog.api.LineAction.ADD).map(OrderLine::productId)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public OrderType orderType() {
        return orderType;
    }

    public Instant completedAt() {
        return completedAt;
    }

    /** The items, cases and validation results created since the last call, to be stored. */
    public List<Object> takeCreated() {
        List<Object> taken = List.copyOf(created);
        created.clear();
        return taken;
    }

    /** The events recorded since the last call, in the order they happened. */
    public List<Recorded> takeEvents() {
        List<Recorded> taken = List.copyOf(recorded);
        recorded.clear();
        return taken;
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

    /** When the last command changed the order: the time of the events it recorded. */
    public Instant updatedAt() {
        return updatedAt;
    }

    public String sourceQuoteNumber() {
        return sourceQuoteNumber;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public String currency() {
        return currency;
    }

    public PriceSnapshot price() {
        if (price == null && priceSnapshot != null) {
            price = Json.read(priceSnapshot, PriceSnapshot.class);
        }
        return price;
    }

    public List<FulfillmentItem> items() {
        return List.copyOf(items);
    }

    public Jeopardy jeopardy() {
        return jeopardy;
    }

    public Instant committedCompletionAt() {
        return committedCompletionAt;
    }

    public List<FalloutCase> falloutCases() {
        return List.copyOf(falloutCases);
    }

    /** The operator view, with the latest validation result loaded with the order. */
    public OrderView view() {
        ValidationResult validation = validation();
        return view(validation == null ? null : validation.view());
    }

    public OrderView view(ValidationResultView validation) {
        PriceSnapshot price = price();
        return new OrderView(id, orderNumber, orderType, status, customerId, accountId, catalogVersionId, sourceQuoteId,
                sourceQuoteNumber, sourceQuoteRevision, acceptanceId, priority, requestedCompletionDate, currency,
                oneTimeTotal, price == null ? List.of() : price.recurringTotals(),
                lines.stream().map(OrderLine::view).toList(), validation, cancellationRequestedBy == null ? null
                : new OrderView.Cancellation(cancellationRequestedBy, cancellationRequestedAt, cancellationReason,
                        cancellationInitiator), entityVersion, createdBy, createdAt, updatedAt, completedAt,
                committedCompletionAt, jeopardy);
    }

    public OrderSummary summary() {
        return new OrderSummary(id, orderNumber, orderType, status, customerId, sourceQuoteNumber, createdAt, completedAt);
    }

    public CustomerOrderSummary customerSummary() {
        return new CustomerOrderSummary(id, orderNumber, orderType, CustomerOrderStatus.of(status), customerId,
                sourceQuoteNumber, createdAt, completedAt);
    }

    /** What the customer is told (seed 000, section 30), with the cases' requests loaded with the order. */
    public CustomerOrderView customerView() {
        return customerView(falloutCases.stream().map(FalloutCase::customerRequest).filter(java.util.Objects::nonNull).toList());
    }

    /**
     * What the customer is told (seed 000, section 30): no process internals; when operations asked
     * the customer for something, "Waiting for your action" with what was asked.
     */
    public CustomerOrderView customerView(List<String> requestsToCustomer) {
        PriceSnapshot price = price();
        List<RecurringTotal> recurring = price == null ? List.of() : price.recurringTotals();
        return new CustomerOrderView(id, orderNumber, CustomerOrderStatus.of(status).name(), customerId, sourceQuoteNumber, currency,
                oneTimeTotal, recurring, lines.stream().map(l -> new CustomerOrderView.Line(l.lineNumber(),
                        l.offeringName(), l.quantity(), l.characteristics(),
                        l.status() == OrderLine.Status.COMPLETED || l.status() == OrderLine.Status.CANCELLED
                                ? l.status().name() : "IN_PROGRESS")).toList(),
                requestsToCustomer.isEmpty() ? null : new CustomerOrderView.ActionRequired(
                        CustomerOrderView.WAITING_FOR_YOUR_ACTION, List.copyOf(requestsToCustomer)),
                createdAt, completedAt, inFulfillment() ? committedCompletionAt : null, milestoneViews());
    }

}
