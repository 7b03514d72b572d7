package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.JsonText;
import io.cpqoms.kernel.UuidConverter;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.FulfillmentItemView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A domain execution unit of an order's fulfillment plan (seed 000, section 12): one item type for
 * one order line, done by one responsible system, after the items it depends on. It is not a
 * workflow task: its status is the order context's, changed only by commands.
 */
@Entity
@Table(name = "fulfillment_item")
public class FulfillmentItem {

    public static final String ITEM_TRANSITION_NOT_ALLOWED = "ITEM_TRANSITION_NOT_ALLOWED";
    public static final String STALE_ATTEMPT = "STALE_ATTEMPT";
    public static final String ITEM_OUTCOME_CONFLICT = "ITEM_OUTCOME_CONFLICT";
    public static final String ITEM_NOT_RETRYABLE = "ITEM_NOT_RETRYABLE";
    public static final String ITEM_NOT_FORCIBLE = "ITEM_NOT_FORCIBLE";
    public static final String ITEM_NOT_WAIVABLE = "ITEM_NOT_WAIVABLE";
    public static final String CORRECTION_NOT_APPLICABLE = "CORRECTION_NOT_APPLICABLE";
    /** The item's message exhausted its redeliveries: whether its system did the work is not known. */
    public static final String MESSAGE_DEAD_LETTERED = "MESSAGE_DEAD_LETTERED";
    /** A timer of the item's kept failing: what it was for did not happen. */
    public static final String TIMER_FAILED = "TIMER_FAILED";
    public static final String POINT_OF_NO_RETURN = "POINT_OF_NO_RETURN";
    /** An item whose retryable failures used up its retry budget. */
    public static final String RETRY_BUDGET_EXHAUSTED = "RETRY_BUDGET_EXHAUSTED";
    /** An item whose request was sent and never answered, and that its system could not tell about within the budget. */
    public static final String UNKNOWN_OUTCOME = "UNKNOWN_OUTCOME";
    private static final Set<FulfillmentItemStatus> NOT_STARTED = EnumSet.of(FulfillmentItemStatus.PENDING,
            FulfillmentItemStatus.READY, FulfillmentItemStatus.BLOCKED, FulfillmentItemStatus.FAILED);
    private static final Set<FulfillmentItemStatus> AWAITING_OUTCOME = EnumSet.of(FulfillmentItemStatus.IN_PROGRESS,
            FulfillmentItemStatus.WAITING_EXTERNAL, FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME);

    @Id
    @Column(name = "fulfillment_item_id")
    private UUID id;
    @Column(name = "order_id", updatable = false)
    private UUID orderId;
    @Column(name = "order_line_id", updatable = false)
    private UUID orderLineId;
    private int sequence;
    @Column(name = "item_type")
    private String itemType;
    @Column(name = "responsible_system")
    private String responsibleSystem;
    @Enumerated(EnumType.STRING)
    private LineAction action;
    @Enumerated(EnumType.STRING)
    private FulfillmentItemStatus status;
    @Convert(converter = JsonText.class)
    @Column(name = "input_payload")
    private String inputPayload;
    @Convert(converter = JsonText.class)
    @Column(name = "result_payload")
    private String resultPayload;
    @Column(name = "retry_count")
    private int retryCount;
    @Column(name = "max_retry_count")
    private int maxRetryCount;
    @Column(name = "attempt_group")
    private int attemptGroup;
    @Column(name = "external_request_id")
    private String externalRequestId;
    @Column(name = "external_reference")
    private String externalReference;
    @Column(name = "compensation_action")
    private String compensationAction;
    @Column(name = "failure_code")
    private String failureCode;
    @Column(name = "failure_message")
    private String failureMessage;
    @Column(name = "dispatched_at")
    private Instant dispatchedAt;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    /** How long the item's system is given once the item is sent (the catalog's, on the order's SLA time scale). */
    @Column(name = "expected_duration_ms", updatable = false)
    private Long expectedDurationMs;
    /** The milestone the order reaches when every item naming it is done (catalog metadata). */
    @Column(name = "milestone", updatable = false)
    private String milestone;
    @Column(name = "expected_by")
    private Instant expectedBy;
    @Column(name = "overdue_since")
    private Instant overdueSince;
    @Column(name = "status_query_count")
    private int statusQueryCount;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "compensation_reference")
    private String compensationReference;
    @Column(name = "compensated_at")
    private Instant compensatedAt;
    @Version
    @Column(name = "entity_version")
    private long entityVersion;
    @Column(name = "created_at", updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "fulfillment_item_dependency", joinColumns = @JoinColumn(name = "fulfillment_item_id"))
    @Column(name = "depends_on_item_id")
    @Convert(converter = UuidConverter.class)
    private Set<UUID> dependsOn = new TreeSet<>();
    @Transient
    private Map<String, String> input;

    protected FulfillmentItem() {
    }

    /** A planned item, waiting for its dependencies. */
    public FulfillmentItem(UUID orderId, Decomposition.PlannedItem planned, Instant now) {
        this.id = planned.id();
        this.orderId = orderId;
        this.orderLineId = planned.orderLineId();
        this.sequence = planned.sequence();
        this.itemType = planned.itemType();
        this.responsibleSystem = planned.responsibleSystem();
        this.action = planned.action();
        this.status = FulfillmentItemStatus.PENDING;
        this.input = Collections.unmodifiableMap(new LinkedHashMap<>(planned.input()));
        this.inputPayload = Json.write(this.input);
        this.maxRetryCount = planned.maxRetries();
        this.attemptGroup = 1;
        this.compensationAction = planned.compensationAction();
        this.dependsOn = new TreeSet<>(planned.dependsOn());
        this.expectedDurationMs = planned.expectedDuration() == null ? null : planned.expectedDuration().toMillis();
        this.milestone = planned.milestone();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Ready when every item it depends on is done (completed or waived). */
    public boolean readyGiven(Map<UUID, FulfillmentItemStatus> statuses) {
        return status == FulfillmentItemStatus.PENDING && dependsOn.stream().allMatch(d -> done(statuses.get(d)));
    }

    /** Whether an item in this status needs nothing more for its order to complete: completed, or waived. */
    static boolean done(FulfillmentItemStatus status) {
        return status == FulfillmentItemStatus.COMPLETED || status == FulfillmentItemStatus.WAIVED;
    }

    /**
     * Operations skip a failed item (seed 000 section 17, SkipFulfillmentItem): it is WAIVED with the
     * reason, and the order may complete without it; nothing was done, so there is nothing to compensate.
     */
    void waive(String actor, String reason, Instant now) {
        if (status != FulfillmentItemStatus.FAILED) {
            throw DomainException.conflict(ITEM_NOT_WAIVABLE, "Fulfillment item " + id + " (" + itemType + ") is "
                    + status + "; only a failed item is skipped.");
        }
        moveTo(FulfillmentItemStatus.WAIVED, now);
        Map<String, String> result = new LinkedHashMap<>();
        result.put("waivedBy", actor);
        result.put("reason", reason);
        resultPayload = Json.write(result);
    }

    /**
     * A named correction of a failed item's input (seed 000 section 17, CorrectOrderData), never a raw
     * edit: only fields the input has are corrected. Returns each corrected field with its value before.
     */
    Map<String, String> correct(Map<String, String> corrections, Instant now) {
        if (status != FulfillmentItemStatus.FAILED) {
            throw DomainException.conflict(ITEM_NOT_RETRYABLE, "Fulfillment item " + id + " (" + itemType + ") is "
                    + status + "; only a failed item's input is corrected.");
        }
        Map<String, String> current = input();
        List<String> unknown = corrections.keySet().stream().filter(k -> !current.containsKey(k)).sorted().toList();
        if (corrections.isEmpty() || !unknown.isEmpty()) {
            throw DomainException.invalidInput(CORRECTION_NOT_APPLICABLE, "A correction names fields of the item's input "
                    + current.keySet() + (unknown.isEmpty() ? "" : "; " + itemType + " has no " + unknown) + ".");
        }
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> corrected = new LinkedHashMap<>(current);
        corrections.forEach((field, value) -> {
            before.put(field, current.get(field));
            corrected.put(field, value);
        });
        input = Collections.unmodifiableMap(corrected);
        inputPayload = Json.write(corrected);
        updatedAt = now;
        return before;
    }

    /** Hands the item to its responsible system: the message a worker receives. */
    FulfillmentDispatch dispatch(String tenantId, String orderNumber, Instant now) {
        moveTo(FulfillmentItemStatus.IN_PROGRESS, now);
        expect(now);
        return send(tenantId, orderNumber, action.name(), now);
    }

    /** The work goes out: its system is expected to be done by its expected duration from now. */
    private void expect(Instant now) {
        expectedBy = expectedDurationMs == null ? null : now.plusMillis(expectedDurationMs).truncatedTo(ChronoUnit.MILLIS);
        overdueSince = null;
    }

    /** Whether the item's work is out at its system with an expectation not yet passed unnoticed. */
    boolean expected() {
        return expectedBy != null && overdueSince == null && working();
    }

    /** True, once, when the item's work is still out at {@code now}, past its expected time: it is overdue. */
    boolean overdue(Instant now) {
        if (!expected() || expectedBy.isAfter(now)) {
            return false;
        }
        overdueSince = now;
        return true;
    }

    private boolean working() {
        return status == FulfillmentItemStatus.IN_PROGRESS || status == FulfillmentItemStatus.WAITING_EXTERNAL
                || status == FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME;
    }

    public Instant expectedBy() {
        return expectedBy;
    }

    public Duration expectedDuration() {
        return expectedDurationMs == null ? null : Duration.ofMillis(expectedDurationMs);
    }

    public String milestone() {
        return milestone;
    }

    /**
     * Sends a failed item, or its failed compensation, to its system again: a new attempt group, so a
     * new external request id, and a late report of the attempt before is recognised as stale.
     */
    FulfillmentDispatch retry(String tenantId, String orderNumber, Instant now) {
        boolean compensation = status == FulfillmentItemStatus.COMPENSATION_FAILED;
        if (status != FulfillmentItemStatus.FAILED && !compensation) {
            throw DomainException.conflict(ITEM_NOT_RETRYABLE, "Fulfillment item " + id + " (" + itemType + ") is "
                    + status + "; only a failed item or a failed compensation is sent again.");
        }
        moveTo(compensation ? FulfillmentItemStatus.COMPENSATING : FulfillmentItemStatus.IN_PROGRESS, now);
        attemptGroup++;
        statusQueryCount = 0;
        failureCode = null;
        failureMessage = null;
        if (!compensation) {
            expect(now);
        }
        return send(tenantId, orderNumber, compensation ? compensationAction : action.name(), now);
    }

    /** Asks the responsible system to reverse the completed work with the item's compensation action. */
    FulfillmentDispatch compensate(String tenantId, String orderNumber, Instant now) {
        if (!compensable()) {
            throw DomainException.conflict(POINT_OF_NO_RETURN, "Fulfillment item " + id + " (" + itemType
                    + ") has no compensation action: its work cannot be reversed.");
        }
        moveTo(FulfillmentItemStatus.COMPENSATING, now);
        attemptGroup++;
        statusQueryCount = 0;
        return send(tenantId, orderNumber, compensationAction, now);
    }

    private FulfillmentDispatch send(String tenantId, String orderNumber, String work, Instant now) {
        return send(tenantId, orderNumber, work, false, now);
    }

    /** The message for the current attempt: its work, or a status query that asks what became of it. */
    private FulfillmentDispatch send(String tenantId, String orderNumber, String work, boolean statusQuery, Instant now) {
        externalRequestId = FulfillmentDispatch.externalRequestId(orderId, id, attemptGroup);
        dispatchedAt = now;
        return new FulfillmentDispatch(tenantId, orderId, orderNumber, id, itemType, responsibleSystem, work,
                externalRequestId, attemptGroup, input(), statusQuery);
    }

    /**
     * Nothing of the current request reached the system (it was down, its circuit open): the same
     * request (the same external request id) goes again after {@code delay}, within the item's retry
     * budget. Returns false when the budget is used up: the item has FAILED with
     * {@value #RETRY_BUDGET_EXHAUSTED}. A report of another attempt is refused as stale.
     */
    boolean retryLater(String reportedRequestId, Duration delay, String reason, Instant now) {
        checkAttempt(reportedRequestId);
        if (status != FulfillmentItemStatus.IN_PROGRESS && status != FulfillmentItemStatus.COMPENSATING) {
            throw DomainException.conflict(ITEM_TRANSITION_NOT_ALLOWED, "Fulfillment item " + id + " (" + itemType + ") is "
                    + status + "; only work under way is sent again.");
        }
        if (nextAttemptAt != null) {
            return true; // this failure was reported already: its retry is scheduled
        }
        if (retryCount >= maxRetryCount) {
            fail(reportedRequestId, RETRY_BUDGET_EXHAUSTED, "Retried " + retryCount + " times; last: " + reason, now);
            return false;
        }
        retryCount++;
        nextAttemptAt = now.plus(delay);
        updatedAt = now;
        return true;
    }

    /**
     * The current request was sent and not answered (seed 000, section 28): the item waits for its
     * outcome and its system is asked about the request after {@code delay}, at most {@code budget}
     * times; never sent blind again. Returns false when the budget is used up: the item has FAILED with
     * {@value #UNKNOWN_OUTCOME}. A repeated report while a query waits changes nothing.
     */
    boolean outcomeUnknown(String reportedRequestId, Duration delay, int budget, String reason, Instant now) {
        checkAttempt(reportedRequestId);
        if (status != FulfillmentItemStatus.IN_PROGRESS && status != FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME
                && status != FulfillmentItemStatus.COMPENSATING) {
            throw DomainException.conflict(ITEM_TRANSITION_NOT_ALLOWED, "Fulfillment item " + id + " (" + itemType + ") is "
                    + status + "; only work under way can have an unknown outcome.");
        }
        if (nextAttemptAt != null) {
            return true;
        }
        if (status == FulfillmentItemStatus.IN_PROGRESS) {
            moveTo(FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME, now);
        }
        if (statusQueryCount >= budget) {
            fail(reportedRequestId, UNKNOWN_OUTCOME, "Asked " + statusQueryCount + " times; " + reason, now);
            return false;
        }
        statusQueryCount++;
        nextAttemptAt = now.plus(delay);
        updatedAt = now;
        return true;
    }

    /** The item's next attempt is due: the same request again, or a status query after an unknown outcome; null if it no longer waits. */
    FulfillmentDispatch attemptDue(String requestId, String tenantId, String orderNumber, Instant now) {
        if (nextAttemptAt == null || !Objects.equals(requestId, externalRequestId)
                || (status != FulfillmentItemStatus.IN_PROGRESS && status != FulfillmentItemStatus.COMPENSATING
                && status != FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME)) {
            return null;
        }
        nextAttemptAt = null;
        updatedAt = now;
        return send(tenantId, orderNumber, status == FulfillmentItemStatus.COMPENSATING ? compensationAction : action.name(),
                status == FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME || statusQueryCount > 0, now);
    }

    /** Cancels an item whose work has not started (or failed); false for one that is under way or done. */
    boolean cancel(Instant now) {
        if (!NOT_STARTED.contains(status)) {
            return false;
        }
        moveTo(FulfillmentItemStatus.CANCELLED, now);
        return true;
    }

    /**
     * Break-glass: completes an item its system has not reported on (or refused), with the reason
     * recorded in its result. The external reference names the work done outside, when there is one.
     */
    void forceComplete(String actor, String reason, String reference, Instant now) {
        if (!AWAITING_OUTCOME.contains(status) && status != FulfillmentItemStatus.FAILED) {
            throw DomainException.conflict(ITEM_NOT_FORCIBLE, "Fulfillment item " + id + " (" + itemType + ") is "
                    + status + "; only an item under way or failed can be completed by force.");
        }
        moveTo(FulfillmentItemStatus.COMPLETED, now);
        externalReference = reference == null || reference.isBlank() ? "FORCED:" + actor : reference;
        Map<String, String> result = new LinkedHashMap<>();
        result.put("forcedBy", actor);
        result.put("reason", reason);
        resultPayload = Json.write(result);
        failureCode = null;
        failureMessage = null;
        completedAt = now;
    }

    /**
     * Records completion, of the work or of its compensation. Returns false when the same completion
     * was recorded already (a redelivered report); a report for another attempt or contradicting the
     * recorded outcome is refused.
     */
    boolean complete(String reportedRequestId, String reference, Map<String, String> result, Instant now) {
        checkAttempt(reportedRequestId);
        if (status == FulfillmentItemStatus.COMPENSATED) {
            if (Objects.equals(reference, compensationReference)) {
                return false;
            }
            throw DomainException.conflict(ITEM_OUTCOME_CONFLICT, "Item " + id + " was compensated with external reference "
                    + compensationReference + ", not " + reference + ".");
        }
        if (status == FulfillmentItemStatus.COMPENSATING) {
            moveTo(FulfillmentItemStatus.COMPENSATED, now);
            compensationReference = reference;
            compensatedAt = now;
            return true;
        }
        if (status == FulfillmentItemStatus.FAILED) {
            throw DomainException.conflict(ITEM_OUTCOME_CONFLICT, "Item " + id + " failed with " + failureCode
                    + " on this attempt; a completion contradicts it.");
        }
        if (status == FulfillmentItemStatus.COMPLETED) {
            if (Objects.equals(reference, externalReference)) {
                return false;
            }
            throw DomainException.conflict(ITEM_OUTCOME_CONFLICT, "Item " + id + " was completed with external reference "
                    + externalReference + ", not " + reference + ".");
        }
        moveTo(FulfillmentItemStatus.COMPLETED, now);
        externalReference = reference;
        resultPayload = Json.write(result == null ? Map.of() : new LinkedHashMap<>(result));
        completedAt = now;
        return true;
    }

    /** Records failure; false when this failure was recorded already. */
    /** Whether the item's current attempt {@code requestId} is out at its system, awaiting an outcome. */
    boolean awaits(String requestId) {
        return Objects.equals(requestId, externalRequestId) && (status == FulfillmentItemStatus.IN_PROGRESS
                || status == FulfillmentItemStatus.WAITING_EXTERNAL || status == FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME
                || status == FulfillmentItemStatus.COMPENSATING);
    }

    boolean fail(String reportedRequestId, String code, String message, Instant now) {
        checkAttempt(reportedRequestId);
        if (status == FulfillmentItemStatus.COMPENSATING) {
            moveTo(FulfillmentItemStatus.COMPENSATION_FAILED, now);
            failureCode = code;
            failureMessage = message;
            return true;
        }
        if (status == FulfillmentItemStatus.FAILED || status == FulfillmentItemStatus.COMPENSATION_FAILED) {
            if (Objects.equals(code, failureCode)) {
                return false;
            }
            throw DomainException.conflict(ITEM_OUTCOME_CONFLICT, "Item " + id + " failed with " + failureCode
                    + ", not " + code + ".");
        }
        moveTo(FulfillmentItemStatus.FAILED, now);
        failureCode = code;
        failureMessage = message;
        return true;
    }

    private void checkAttempt(String reportedRequestId) {
        if (reportedRequestId != null && !reportedRequestId.equals(externalRequestId)) {
            throw DomainException.conflict(STALE_ATTEMPT, "Item " + id + " is on external request " + externalRequestId
                    + "; a report for " + reportedRequestId + " belongs to another attempt.");
        }
    }

    private void moveTo(FulfillmentItemStatus target, Instant now) {
        if (!Lifecycles.canMove(status, target)) {
            throw DomainException.conflict(ITEM_TRANSITION_NOT_ALLOWED,
                    "Fulfillment item " + id + " (" + itemType + ") is " + status + " and cannot become " + target + ".");
        }
        status = target;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID orderLineId() {
        return orderLineId;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public int statusQueryCount() {
        return statusQueryCount;
    }

    public int retryCount() {
        return retryCount;
    }

    public int sequence() {
        return sequence;
    }

    public String itemType() {
        return itemType;
    }

    public FulfillmentItemStatus status() {
        return status;
    }

    public String externalRequestId() {
        return externalRequestId;
    }

    public String externalReference() {
        return externalReference;
    }

    public String responsibleSystem() {
        return responsibleSystem;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureMessage() {
        return failureMessage;
    }

    /** Whether the work done can be reversed: the item has a compensation action. */
    public boolean compensable() {
        return compensationAction != null && !compensationAction.isBlank();
    }

    /** Whether the item needs nothing more for a cancelled order: cancelled, waived, or its work reversed. */
    public boolean settled() {
        return status == FulfillmentItemStatus.CANCELLED || status == FulfillmentItemStatus.COMPENSATED
                || status == FulfillmentItemStatus.WAIVED;
    }

    /** Whether the item needs nothing more for its order to complete: completed, or waived. */
    public boolean done() {
        return done(status);
    }

    /** Whether the item's work is done or under way and cannot be reversed. */
    public boolean irreversible() {
        return !compensable() && (status == FulfillmentItemStatus.COMPLETED || AWAITING_OUTCOME.contains(status));
    }

    public Set<UUID> dependsOn() {
        return Set.copyOf(dependsOn);
    }

    /** The input the responsible system works from, read from its JSON once. */
    @SuppressWarnings("unchecked")
    public Map<String, String> input() {
        if (input == null) {
            input = Collections.unmodifiableMap(Json.read(inputPayload, LinkedHashMap.class));
        }
        return input;
    }

    public FulfillmentItemView view() {
        return new FulfillmentItemView(id, orderId, orderLineId, sequence, itemType, responsibleSystem, action, status,
                List.copyOf(dependsOn), attemptGroup, retryCount, maxRetryCount, externalRequestId, externalReference,
                compensationAction, failureCode, failureMessage, dispatchedAt, completedAt, compensationReference,
                compensatedAt, nextAttemptAt, expectedBy, overdueSince);
    }
}
