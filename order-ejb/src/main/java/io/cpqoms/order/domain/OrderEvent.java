package io.cpqoms.order.domain;

import io.cpqoms.order.api.Jeopardy;
import io.cpqoms.order.api.OrderMilestone;

import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.BillingIntegrationEvent;
import io.cpqoms.order.api.BillingTriggerKind;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.FalloutSeverity;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.OrderIntegrationEvent;
import io.cpqoms.order.api.OrderType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happened to an order, as its aggregate records it: one typed event per fact, in the order the
 * facts happened. Each event says how it is remembered: its audit entry (action and details), the
 * integration event it publishes (if any, from the {@link OrderIntegrationEvent} catalogue), the
 * fulfillment item it dispatches and the order step it asks for next. The order journal writes
 * exactly that, in the command's transaction; nothing else writes audit or outbox rows for an order.
 */
public sealed interface OrderEvent {

    /** The audit action, e.g. ORDER_CAPTURED. */
    String action();

    /** The audit details. */
    Map<String, Object> details();

    /** The integration event published for it, or null for a fact kept in the audit trail only. */
    default OrderIntegrationEvent published() {
        return null;
    }

    /** The fulfillment item it hands to a worker, or null. */
    default FulfillmentDispatch dispatch() {
        return null;
    }

    /** The order step it asks for, run in its own transaction after this one commits, or null. */
    default String nextStep() {
        return null;
    }

    /** What the event did to products of the installed base, each journaled as the product's own audit entry and event. */
    default List<ProductAsset.Change> productChanges() {
        return List.of();
    }

    /** The billing trigger it changed, with the trigger's own integration event, journaled with the trigger's version; or null. */
    default BillingTrigger.Published billing() {
        return null;
    }

    /** The step that plans and starts the fulfillment of a validated order. */
    String PLAN_FULFILLMENT = "order.plan-fulfillment";

    record Captured(String orderNumber, OrderType orderType, UUID sourceQuoteId, String sourceQuoteNumber,
                    Integer sourceQuoteRevision, UUID acceptanceId, UUID catalogVersionId, int lineCount,
                    String idempotencyKey, String currency, BigDecimal oneTimeTotal) implements OrderEvent {
        public String action() {
            return "ORDER_CAPTURED";
        }

        public Map<String, Object> details() {
            return map("orderNumber", orderNumber, "orderType", orderType, "sourceQuoteId", sourceQuoteId,
                    "sourceQuoteNumber", sourceQuoteNumber, "sourceQuoteRevision", sourceQuoteRevision,
                    "acceptanceId", acceptanceId, "catalogVersionId", catalogVersionId, "lineCount", lineCount,
                    "idempotencyKey", idempotencyKey);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.Captured(orderType, catalogVersionId, lineCount, currency, oneTimeTotal);
        }
    }

    record Validated(UUID validationResultId, List<String> checksPerformed, int findings) implements OrderEvent {
        public String action() {
            return "ORDER_VALIDATED";
        }

        public Map<String, Object> details() {
            return map("validationResultId", validationResultId, "checksPerformed", checksPerformed, "findings", findings);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.Validated(validationResultId);
        }
    }

    record Held(UUID validationResultId, List<String> findings) implements OrderEvent {
        public String action() {
            return "ORDER_HELD";
        }

        public Map<String, Object> details() {
            return map("validationResultId", validationResultId, "findings", findings);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.Held(validationResultId, findings);
        }
    }

    record ValidationOverridden(UUID validationResultId, List<String> overriddenBlockers, String reason,
                                String overriddenBy) implements OrderEvent {
        public String action() {
            return "VALIDATION_BLOCKERS_OVERRIDDEN";
        }

        public Map<String, Object> details() {
            return map("validationResultId", validationResultId, "overriddenBlockers", overriddenBlockers, "reason", reason);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.ValidationOverridden(validationResultId, overriddenBlockers, overriddenBy);
        }

        public String nextStep() {
            return PLAN_FULFILLMENT;
        }
    }

    record Decomposed(UUID catalogVersionId, List<String> fulfillmentItems) implements OrderEvent {
        public String action() {
            return "ORDER_DECOMPOSED";
        }

        public Map<String, Object> details() {
            return map("catalogVersionId", catalogVersionId, "fulfillmentItems", fulfillmentItems);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.Decomposed(fulfillmentItems.size());
        }
    }

    record DecompositionFailed(List<Violation> reasons) implements OrderEvent {
        public String action() {
            return "ORDER_DECOMPOSITION_FAILED";
        }

        public Map<String, Object> details() {
            return map("reasons", reasons);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.DecompositionFailed(texts(reasons));
        }

        static List<String> texts(List<Violation> reasons) {
            return reasons.stream().map(v -> v.rule() + ": " + v.message()).toList();
        }
    }

    record FulfillmentStarted(int fulfillmentItems) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_STARTED";
        }

        public Map<String, Object> details() {
            return map("fulfillmentItems", fulfillmentItems);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.FulfillmentStarted(fulfillmentItems);
        }
    }

    /** An item goes to its responsible system for the first time. */
    record ItemDispatched(FulfillmentDispatch dispatch) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_DISPATCHED";
        }

        public Map<String, Object> details() {
            return sent(dispatch);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.ItemStarted(dispatch.itemId(), dispatch.itemType(),
                    dispatch.responsibleSystem(), dispatch.action(), dispatch.externalRequestId());
        }
    }

    /** A failed item, or its failed compensation, goes again as a new attempt. */
    record ItemRetried(FulfillmentDispatch dispatch) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_RETRIED";
        }

        public Map<String, Object> details() {
            return sent(dispatch);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.ItemRetried(dispatch.itemId(), dispatch.itemType(),
                    dispatch.responsibleSystem(), dispatch.action(), dispatch.externalRequestId());
        }
    }

    /** A completed item's system is asked to reverse the work. */
    record CompensationDispatched(FulfillmentDispatch dispatch) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_COMPENSATION_DISPATCHED";
        }

        public Map<String, Object> details() {
            return sent(dispatch);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.CompensationStarted(dispatch.itemId(), dispatch.itemType(),
                    dispatch.responsibleSystem(), dispatch.action(), dispatch.externalRequestId());
        }
    }

    /** When a scheduled timer is to fire, and what for: the journal creates it in the command's transaction. */
    record Timer(Instant at, OrderTimer due) {
    }

    /** Whether the event gets its own audit entry; a fact derived from an audited one is published only. */
    default boolean audited() {
        return true;
    }

    /** The timer it schedules, or null. */
    default Timer timer() {
        return null;
    }

    /**
     * The order's next expectation: the earliest time an item's work still out is expected done. One
     * timer per order for it (not one per item); it is a timer only, neither audited nor published.
     */
    record ExpectationSet(UUID orderId, Instant dueAt) implements OrderEvent {
        public String action() {
            return "ORDER_EXPECTATION_SET";
        }

        public Map<String, Object> details() {
            return map("dueAt", dueAt.toString());
        }

        public boolean audited() {
            return false;
        }

        public Timer timer() {
            return new Timer(dueAt, new OrderTimer.ExpectationDue(orderId, dueAt));
        }
    }

    /** The order got its committed completion date at planning; the warning timer is set. */
    record CompletionCommitted(UUID orderId, Instant committedCompletionAt, Instant warningAt) implements OrderEvent {
        public String action() {
            return "ORDER_COMPLETION_COMMITTED";
        }

        public Map<String, Object> details() {
            return map("committedCompletionAt", committedCompletionAt.toString(), "warningAt", warningAt.toString());
        }

        public Timer timer() {
            return new Timer(warningAt, new OrderTimer.CompletionDue(orderId, false, warningAt));
        }
    }

    /**
     * The order is in jeopardy (seed 000, section 31): an item is overdue, the completion is at risk
     * (the warning), or the committed completion date passed (the breach).
     */
    record JeopardyRaised(UUID orderId, Jeopardy jeopardy, String reason, UUID itemId, String itemType, Instant dueAt,
                          Instant committedCompletionAt) implements OrderEvent {
        public static final String ITEM_OVERDUE = "ITEM_OVERDUE";
        public static final String COMPLETION_AT_RISK = "COMPLETION_AT_RISK";
        public static final String COMPLETION_BREACHED = "COMPLETION_BREACHED";

        public String action() {
            return "ORDER_JEOPARDY_RAISED";
        }

        public Map<String, Object> details() {
            return map("jeopardy", jeopardy, "reason", reason, "itemId", itemId, "itemType", itemType,
                    "dueAt", dueAt.toString(), "committedCompletionAt",
                    committedCompletionAt == null ? null : committedCompletionAt.toString());
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.JeopardyRaised(jeopardy, reason, itemId, itemType, dueAt, committedCompletionAt);
        }

        public Timer timer() {
            return COMPLETION_AT_RISK.equals(reason) && committedCompletionAt != null
                    ? new Timer(committedCompletionAt, new OrderTimer.CompletionDue(orderId, true, committedCompletionAt))
                    : null;
        }
    }

    /** The order that was in jeopardy completed or was cancelled: the jeopardy is over. */
    record JeopardyCleared(Jeopardy was, String outcome) implements OrderEvent {
        public String action() {
            return "ORDER_JEOPARDY_CLEARED";
        }

        public Map<String, Object> details() {
            return map("was", was, "outcome", outcome);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.JeopardyCleared(was, outcome);
        }
    }

    /** A milestone of seed 000 section 31, recorded once on the order when reached, and published. */
    record MilestoneReached(OrderMilestone milestone, Instant reachedAt) implements OrderEvent {
        public String action() {
            return "ORDER_MILESTONE_REACHED";
        }

        /** A milestone is reached by a step the trail has already (a capture, an item's completion). */
        public boolean audited() {
            return false;
        }

        public Map<String, Object> details() {
            return map("milestone", milestone, "reachedAt", reachedAt.toString());
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.MilestoneReached(milestone, reachedAt);
        }
    }

    /** Nothing of the request reached the system: the same request goes again at {@code nextAttemptAt}. */
    record ItemRetryScheduled(UUID orderId, UUID itemId, String itemType, String responsibleSystem, String externalRequestId,
                              int retryCount, Instant nextAttemptAt, String reason) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_RETRY_SCHEDULED";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "itemType", itemType, "responsibleSystem", responsibleSystem,
                    "externalRequestId", externalRequestId, "retryCount", retryCount,
                    "nextAttemptAt", nextAttemptAt.toString(), "reason", reason);
        }

        public Timer timer() {
            return new Timer(nextAttemptAt, new OrderTimer.AttemptDue(orderId, itemId, externalRequestId));
        }
    }

    /** A request was sent and not answered: its system is asked about it at {@code nextAttemptAt}. */
    record OutcomeUnknown(UUID orderId, UUID itemId, String itemType, String responsibleSystem, String externalRequestId,
                          int statusQueryCount, Instant nextAttemptAt, String reason) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_OUTCOME_UNKNOWN";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "itemType", itemType, "responsibleSystem", responsibleSystem,
                    "externalRequestId", externalRequestId, "statusQueryCount", statusQueryCount,
                    "nextAttemptAt", nextAttemptAt.toString(), "reason", reason);
        }

        public Timer timer() {
            return new Timer(nextAttemptAt, new OrderTimer.AttemptDue(orderId, itemId, externalRequestId));
        }
    }

    /** The system is asked what became of the request: a status query, nothing sent again. */
    record StatusQuerySent(FulfillmentDispatch dispatch, int statusQueryCount) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_STATUS_QUERIED";
        }

        public Map<String, Object> details() {
            Map<String, Object> details = sent(dispatch);
            details.put("statusQueryCount", statusQueryCount);
            return details;
        }
    }

    /** The scheduled retry went: the same request, under the same external request id. */
    record RetrySent(FulfillmentDispatch dispatch, int retryCount) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_RETRY_SENT";
        }

        public Map<String, Object> details() {
            Map<String, Object> details = sent(dispatch);
            details.put("retryCount", retryCount);
            return details;
        }
    }

    record ItemCompleted(UUID itemId, String itemType, String responsibleSystem, String externalRequestId,
                         String externalReference) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_COMPLETED";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "itemType", itemType, "responsibleSystem", responsibleSystem,
                    "externalRequestId", externalRequestId, "externalReference", externalReference);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.ItemCompleted(itemId, itemType, externalReference, null);
        }
    }

    record ItemCompensated(UUID itemId, String itemType, String responsibleSystem, String externalRequestId,
                           String compensationReference) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_COMPENSATED";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "itemType", itemType, "responsibleSystem", responsibleSystem,
                    "externalRequestId", externalRequestId, "compensationReference", compensationReference);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.CompensationCompleted(itemId, itemType, compensationReference);
        }
    }

    /** Break glass: an item completed without its system's report. */
    record ItemForceCompleted(UUID itemId, String itemType, String responsibleSystem, FulfillmentItemStatus previousStatus,
                              String externalReference, String reason) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_FORCE_COMPLETED";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "itemType", itemType, "responsibleSystem", responsibleSystem,
                    "previousStatus", previousStatus, "externalReference", externalReference, "reason", reason);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.ItemCompleted(itemId, itemType, externalReference, true);
        }
    }

    /** The extra record of a break-glass action (seed 000, section 37). */
    record BreakGlassUsed(String breakGlassAction, UUID itemId, String itemType, String reason) implements OrderEvent {
        public String action() {
            return "BREAK_GLASS_USED";
        }

        public Map<String, Object> details() {
            return map("breakGlassAction", breakGlassAction, "itemId", itemId, "itemType", itemType, "reason", reason);
        }
    }

    /** An item failed; {@code defect}: the system found the request itself invalid. */
    record ItemFailed(UUID itemId, String itemType, String responsibleSystem, String externalRequestId, String failureCode,
                      String failureMessage, boolean defect) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_FAILED";
        }

        public Map<String, Object> details() {
            Map<String, Object> details = failure(itemId, itemType, responsibleSystem, externalRequestId, failureCode,
                    failureMessage);
            if (defect) {
                details.put("defect", true);
            }
            return details;
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.ItemFailed(itemId, itemType, failureCode);
        }
    }

    record CompensationFailed(UUID itemId, String itemType, String responsibleSystem, String externalRequestId,
                              String failureCode, String failureMessage) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_COMPENSATION_FAILED";
        }

        public Map<String, Object> details() {
            return failure(itemId, itemType, responsibleSystem, externalRequestId, failureCode, failureMessage);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.CompensationFailed(itemId, itemType, failureCode);
        }
    }

    /** The order cannot go on by itself: an item failed. */
    record FellOut(UUID itemId, String failureCode) implements OrderEvent {
        public String action() {
            return "ORDER_FALLOUT";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "failureCode", failureCode);
        }
    }

    /** Every failed item was dealt with: fulfillment goes on. */
    record FalloutCleared() implements OrderEvent {
        public String action() {
            return "ORDER_FALLOUT_CLEARED";
        }

        public Map<String, Object> details() {
            return Map.of();
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.FulfillmentResumed();
        }
    }

    record FalloutOpened(UUID falloutCaseId, String reasonCode, String ownerGroup, UUID fulfillmentItemId,
                         String description) implements OrderEvent {
        public String action() {
            return "FALLOUT_CASE_OPENED";
        }

        public Map<String, Object> details() {
            return map("falloutCaseId", falloutCaseId, "reasonCode", reasonCode, "ownerGroup", ownerGroup,
                    "fulfillmentItemId", fulfillmentItemId, "description", description);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.FalloutOpened(falloutCaseId, reasonCode, ownerGroup, fulfillmentItemId);
        }
    }

    record FalloutAssigned(UUID falloutCaseId, String assignee) implements OrderEvent {
        public String action() {
            return "FALLOUT_CASE_ASSIGNED";
        }

        public Map<String, Object> details() {
            return map("falloutCaseId", falloutCaseId, "assignee", assignee);
        }
    }

    record FalloutResolved(UUID falloutCaseId, String resolutionCode, String note) implements OrderEvent {
        public String action() {
            return "FALLOUT_CASE_RESOLVED";
        }

        public Map<String, Object> details() {
            return map("falloutCaseId", falloutCaseId, "resolutionCode", resolutionCode, "note", note);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.FalloutResolved(falloutCaseId, resolutionCode);
        }
    }

    /** The case waits for the customer's answer until {@code dueAt}; then it escalates. */
    record CustomerInfoRequested(UUID orderId, UUID falloutCaseId, UUID fulfillmentItemId, String request, Instant dueAt)
            implements OrderEvent {
        public String action() {
            return "FALLOUT_CUSTOMER_INFO_REQUESTED";
        }

        public Map<String, Object> details() {
            return map("falloutCaseId", falloutCaseId, "request", request, "dueAt", dueAt.toString());
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.CustomerInfoRequested(falloutCaseId, fulfillmentItemId, request, dueAt);
        }

        public Timer timer() {
            return new Timer(dueAt, new OrderTimer.FalloutCaseDue(orderId, falloutCaseId, dueAt));
        }
    }

    /** A case went one severity up to the escalation desk, by a person or because its due time passed unanswered. */
    record FalloutEscalated(UUID orderId, UUID falloutCaseId, FalloutSeverity severity, String ownerGroup, int escalations,
                            String reason, boolean automatic, Instant dueAt) implements OrderEvent {
        public String action() {
            return "FALLOUT_CASE_ESCALATED";
        }

        public Map<String, Object> details() {
            return map("falloutCaseId", falloutCaseId, "severity", severity, "ownerGroup", ownerGroup,
                    "escalations", escalations, "reason", reason, "automatic", automatic,
                    "dueAt", dueAt == null ? null : dueAt.toString());
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.FalloutEscalated(falloutCaseId, severity, ownerGroup, escalations, automatic, dueAt);
        }

        public Timer timer() {
            return dueAt == null ? null : new Timer(dueAt, new OrderTimer.FalloutCaseDue(orderId, falloutCaseId, dueAt));
        }
    }

    /** A failed item was skipped by operations: waived, with the reason. */
    record ItemWaived(UUID itemId, String itemType, String responsibleSystem, String failureCode, String reason)
            implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_WAIVED";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "itemType", itemType, "responsibleSystem", responsibleSystem,
                    "failureCode", failureCode, "reason", reason);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.ItemWaived(itemId, itemType, reason);
        }
    }

    /** A named correction of a failed item's input: each field with its value before and after. */
    record OrderDataCorrected(UUID itemId, String itemType, Map<String, String> before, Map<String, String> after,
                              String reason) implements OrderEvent {
        public String action() {
            return "ORDER_DATA_CORRECTED";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "itemType", itemType, "before", before, "after", after, "reason", reason);
        }
    }

    /** A message of the order exhausted its redeliveries; it is kept in the dead letter archive. */
    record MessageDeadLettered(String messageId, String destination, String messageType, UUID itemId,
                               String externalRequestId, String reason, int deliveryCount) implements OrderEvent {
        public String action() {
            return "MESSAGE_DEAD_LETTERED";
        }

        public Map<String, Object> details() {
            return map("messageId", messageId, "destination", destination, "messageType", messageType, "itemId", itemId,
                    "externalRequestId", externalRequestId, "reason", reason, "deliveryCount", deliveryCount);
        }
    }

    /** A timer of the order failed every delivery; what it was for did not happen. */
    record TimerFailed(String purpose, UUID itemId, String error) implements OrderEvent {
        public String action() {
            return "ORDER_TIMER_FAILED";
        }

        public Map<String, Object> details() {
            return map("purpose", purpose, "itemId", itemId, "error", error);
        }
    }

    /** A step of the order whose message died is asked for again. */
    record StepRetried(String step) implements OrderEvent {
        public String action() {
            return "ORDER_STEP_RETRIED";
        }

        public Map<String, Object> details() {
            return map("step", step);
        }

        public String nextStep() {
            return step;
        }
    }

    /** A case closed because its order was cancelled. */
    record FalloutCancelled(UUID falloutCaseId, String resolutionCode) implements OrderEvent {
        public String action() {
            return "FALLOUT_CASE_CANCELLED";
        }

        public Map<String, Object> details() {
            return map("falloutCaseId", falloutCaseId, "resolutionCode", resolutionCode);
        }
    }

    /** An item not started was cancelled with its order. */
    record ItemCancelled(UUID itemId, String itemType) implements OrderEvent {
        public String action() {
            return "FULFILLMENT_ITEM_CANCELLED";
        }

        public Map<String, Object> details() {
            return map("itemId", itemId, "itemType", itemType);
        }
    }

    record Completed(int fulfillmentItems, Instant completedAt) implements OrderEvent {
        public String action() {
            return "ORDER_COMPLETED";
        }

        public Map<String, Object> details() {
            return map("fulfillmentItems", fulfillmentItems);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.Completed(fulfillmentItems, completedAt.toString());
        }
    }

    /**
     * The completing order brought the installed base to what it delivered: on the order's timeline with
     * the product of each line; each product gets its own audit entry and inventory.product-created.v1
     * (an ADD line) or inventory.product-updated.v1 (any other).
     */
    record InstalledBaseUpdated(List<ProductAsset.Change> products) implements OrderEvent {
        public String action() {
            return "PRODUCT_INVENTORY_UPDATED";
        }

        public Map<String, Object> details() {
            return map("products", products.stream().map(p -> map("productId", p.product().id(), "change", p.action(),
                    "status", p.product().status(), "orderLineId", p.details().get("orderLineId"),
                    "productOfferingId", p.product().offeringId(),
                    "parentProductId", p.details().get("parentProductId"))).toList());
        }

        public List<ProductAsset.Change> productChanges() {
            return products;
        }
    }

    record CancellationRequested(String reason, CancellationRequest.Initiator initiator) implements OrderEvent {
        public String action() {
            return "ORDER_CANCELLATION_REQUESTED";
        }

        public Map<String, Object> details() {
            return map("reason", reason, "initiator", initiator);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.CancellationRequested(reason, initiator);
        }
    }

    record Cancelled(long compensatedItems) implements OrderEvent {
        public String action() {
            return "ORDER_CANCELLED";
        }

        public Map<String, Object> details() {
            return map("compensatedItems", compensatedItems);
        }

        public OrderIntegrationEvent published() {
            return new OrderIntegrationEvent.Cancelled(compensatedItems);
        }
    }

    /**
     * A line took effect and billing is to be told (seed 002 section 17): the trigger is
     * sent (billing.trigger-created.v1) and must be answered by {@code acknowledgementDueAt}.
     */
    record BillingTriggerCreated(BillingTrigger trigger, BillingIntegrationEvent.TriggerCreated sent,
                                 Instant acknowledgementDueAt) implements OrderEvent {
        public String action() {
            return "BILLING_TRIGGER_CREATED";
        }

        public Map<String, Object> details() {
            return map("billingTriggerId", sent.billingTriggerId(), "kind", sent.kind(), "orderLineId", sent.orderLineId(),
                    "productId", sent.productId(), "effectiveDate", sent.effectiveDate().toString(), "currency", sent.currency(),
                    "oneTimeAmount", sent.oneTimeAmount(), "recurringPrice", sent.recurringPrice(), "attempt", sent.attempt(),
                    "acknowledgementDueAt", acknowledgementDueAt.toString());
        }

        public BillingTrigger.Published billing() {
            return new BillingTrigger.Published(trigger, sent);
        }

        public Timer timer() {
            return new Timer(acknowledgementDueAt, new OrderTimer.BillingAcknowledgementDue(sent.orderId(),
                    sent.billingTriggerId(), acknowledgementDueAt));
        }
    }

    /** A rejected or unanswered trigger is sent again as a new attempt, its case worked with the note. */
    record BillingTriggerResent(BillingTrigger trigger, BillingIntegrationEvent.TriggerResent sent, Instant acknowledgementDueAt,
                                UUID falloutCaseId, String note) implements OrderEvent {
        public String action() {
            return "BILLING_TRIGGER_RESENT";
        }

        public Map<String, Object> details() {
            return map("billingTriggerId", sent.billingTriggerId(), "kind", sent.kind(), "attempt", sent.attempt(),
                    "falloutCaseId", falloutCaseId, "note", note, "acknowledgementDueAt", acknowledgementDueAt.toString());
        }

        public BillingTrigger.Published billing() {
            return new BillingTrigger.Published(trigger, sent);
        }

        public Timer timer() {
            return new Timer(acknowledgementDueAt, new OrderTimer.BillingAcknowledgementDue(sent.orderId(),
                    sent.billingTriggerId(), acknowledgementDueAt));
        }
    }

    /** The billing system accepted a trigger under its reference. */
    record BillingTriggerAcknowledged(BillingTrigger trigger, BillingIntegrationEvent.TriggerAcknowledged answer)
            implements OrderEvent {
        public String action() {
            return "BILLING_TRIGGER_ACKNOWLEDGED";
        }

        public Map<String, Object> details() {
            return map("billingTriggerId", answer.billingTriggerId(), "kind", answer.kind(), "attempt", trigger.attempt(),
                    "billingReference", answer.billingReference());
        }

        public BillingTrigger.Published billing() {
            return new BillingTrigger.Published(trigger, answer);
        }
    }

    /** The billing system refused a trigger; the billing fallout case opened for it follows. */
    record BillingTriggerRejected(BillingTrigger trigger, BillingIntegrationEvent.TriggerRejected answer)
            implements OrderEvent {
        public String action() {
            return "BILLING_TRIGGER_REJECTED";
        }

        public Map<String, Object> details() {
            return map("billingTriggerId", answer.billingTriggerId(), "kind", answer.kind(), "attempt", trigger.attempt(),
                    "rejectionCode", answer.rejectionCode(), "rejectionReason", answer.rejectionReason(),
                    "falloutCaseId", answer.falloutCaseId());
        }

        public BillingTrigger.Published billing() {
            return new BillingTrigger.Published(trigger, answer);
        }
    }

    /** A trigger was not answered by its due time (nothing waits silently); the billing fallout case opened for it follows. */
    record BillingTriggerOverdue(UUID billingTriggerId, BillingTriggerKind kind, int attempt, Instant dueAt)
            implements OrderEvent {
        public String action() {
            return "BILLING_TRIGGER_OVERDUE";
        }

        public Map<String, Object> details() {
            return map("billingTriggerId", billingTriggerId, "kind", kind, "attempt", attempt, "dueAt", dueAt.toString());
        }
    }

    private static Map<String, Object> sent(FulfillmentDispatch dispatch) {
        return map("itemId", dispatch.itemId(), "itemType", dispatch.itemType(), "responsibleSystem",
                dispatch.responsibleSystem(), "work", dispatch.action(), "externalRequestId", dispatch.externalRequestId());
    }

    private static Map<String, Object> failure(UUID itemId, String itemType, String responsibleSystem,
                                               String externalRequestId, String failureCode, String failureMessage) {
        return map("itemId", itemId, "itemType", itemType, "responsibleSystem", responsibleSystem,
                "externalRequestId", externalRequestId, "failureCode", failureCode, "failureMessage", failureMessage);
    }

    /** Details in the given order, without absent values; ids and enums as text. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null) {
                map.put((String) keyValues[i], value instanceof UUID || value instanceof Enum<?> ? value.toString() : value);
            }
        }
        return map;
    }
}
