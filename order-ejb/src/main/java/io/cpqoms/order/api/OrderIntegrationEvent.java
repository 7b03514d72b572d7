package io.cpqoms.order.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The catalogue of the order context's integration events (seed 000, section 22), published on the
 * events topic (JMS type = {@link #type()}). Each record is the version-specific part of an event's
 * {@code data}; every event's data also carries the order's reference fields ({@link OrderReference}).
 * A type's name ends in its version: a change that is not additive is a new record with a new version,
 * and the old one is published alongside it until its consumers have moved. docs/events.md describes
 * each event; {@code IntegrationEventCatalogueTest} keeps it complete.
 */
public sealed interface OrderIntegrationEvent {

    /** The event type, with its version, e.g. {@code order.captured.v1}. */
    String type();

    /** The fields every order event's data starts with: which order, at which version and status, for whom. */
    record OrderReference(UUID orderId, String orderNumber, String businessKey, long orderVersion, OrderStatus orderStatus,
                          String customerId, UUID sourceQuoteId, Integer sourceQuoteRevision, UUID acceptanceId) {
    }

    /** An order was captured, from an accepted quote or the direct order API. */
    record Captured(OrderType orderType, UUID catalogVersionId, int lineCount, String currency, BigDecimal oneTimeTotal)
            implements OrderIntegrationEvent {
        public String type() {
            return "order.captured.v1";
        }
    }

    /** The order passed validation; the result is kept as evidence. */
    record Validated(UUID validationResultId) implements OrderIntegrationEvent {
        public String type() {
            return "order.validated.v1";
        }
    }

    /** Validation found blockers (their codes); the order waits for a correction, an override or a cancellation. */
    record Held(UUID validationResultId, List<String> findings) implements OrderIntegrationEvent {
        public String type() {
            return "order.held.v1";
        }
    }

    /** A supervisor let a held order go on despite its overridable blockers. */
    record ValidationOverridden(UUID validationResultId, List<String> overriddenBlockers, String overriddenBy)
            implements OrderIntegrationEvent {
        public String type() {
            return "order.validation-overridden.v1";
        }
    }

    /** The fulfillment plan was built from the pinned catalog version's fulfillment metadata. */
    record Decomposed(int fulfillmentItemCount) implements OrderIntegrationEvent {
        public String type() {
            return "order.decomposed.v1";
        }
    }

    /** No fulfillment plan can be built; the order is in fallout. */
    record DecompositionFailed(List<String> reasons) implements OrderIntegrationEvent {
        public String type() {
            return "order.decomposition-failed.v1";
        }
    }

    /** Fulfillment started: the order is in progress and its first items are dispatched. */
    record FulfillmentStarted(int fulfillmentItemCount) implements OrderIntegrationEvent {
        public String type() {
            return "order.fulfillment-started.v1";
        }
    }

    /** An item was dispatched to its responsible system. */
    record ItemStarted(UUID fulfillmentItemId, String itemType, String responsibleSystem, String work,
                       String externalRequestId) implements OrderIntegrationEvent {
        public String type() {
            return "order.fulfillment-item.started.v1";
        }
    }

    /** A failed item, or its failed compensation, was sent again as a new attempt. */
    record ItemRetried(UUID fulfillmentItemId, String itemType, String responsibleSystem, String work,
                       String externalRequestId) implements OrderIntegrationEvent {
        public String type() {
            return "order.fulfillment-item.retried.v1";
        }
    }

    /** A completed item's work is being reversed by its system (the order is cancelling). */
    record CompensationStarted(UUID fulfillmentItemId, String itemType, String responsibleSystem, String work,
                               String externalRequestId) implements OrderIntegrationEvent {
        public String type() {
            return "order.compensation-started.v1";
        }
    }

    /** An item completed; {@code forced} is true when a break-glass user completed it without its system. */
    record ItemCompleted(UUID fulfillmentItemId, String itemType, String externalReference, Boolean forced)
            implements OrderIntegrationEvent {
        public String type() {
            return "order.fulfillment-item.completed.v1";
        }
    }

    /** An item's responsible system reported a failure, with the domain's error code. */
    record ItemFailed(UUID fulfillmentItemId, String itemType, String failureCode) implements OrderIntegrationEvent {
        public String type() {
            return "order.fulfillment-item.failed.v1";
        }
    }

    /** An item's work was reversed. */
    record CompensationCompleted(UUID fulfillmentItemId, String itemType, String compensationReference)
            implements OrderIntegrationEvent {
        public String type() {
            return "order.compensation-completed.v1";
        }
    }

    /** An item's system refused to reverse its work; a fallout case is open. */
    record CompensationFailed(UUID fulfillmentItemId, String itemType, String failureCode) implements OrderIntegrationEvent {
        public String type() {
            return "order.compensation-failed.v1";
        }
    }

    /** Every failed item of an order in fallout was dealt with; fulfillment goes on. */
    record FulfillmentResumed() implements OrderIntegrationEvent {
        public String type() {
            return "order.fulfillment-resumed.v1";
        }
    }

    /** A fallout case was opened for the order or one of its items, owned by a work group. */
    record FalloutOpened(UUID falloutCaseId, String reasonCode, String ownerGroup, UUID fulfillmentItemId)
            implements OrderIntegrationEvent {
        public String type() {
            return "order.fallout-opened.v1";
        }
    }

    /** A fallout case was resolved (retried, corrected, skipped, completed by force, marked resolved). */
    record FalloutResolved(UUID falloutCaseId, String resolutionCode) implements OrderIntegrationEvent {
        public String type() {
            return "order.fallout-resolved.v1";
        }
    }

    /** Operations asked the customer for what a fallout case needs; the case waits for the answer until {@code dueAt}. */
    record CustomerInfoRequested(UUID falloutCaseId, UUID fulfillmentItemId, String request, Instant dueAt)
            implements OrderIntegrationEvent {
        public String type() {
            return "order.customer-info-requested.v1";
        }
    }

    /** A fallout case was escalated: a higher severity, owned by the escalation desk, by a person or its due time passing. */
    record FalloutEscalated(UUID falloutCaseId, FalloutSeverity severity, String ownerGroup, int escalations,
                            boolean automatic, Instant dueAt) implements OrderIntegrationEvent {
        public String type() {
            return "order.fallout-escalated.v1";
        }
    }

    /** Operations skipped a failed item with a reason: it is waived and the order may complete without it. */
    record ItemWaived(UUID fulfillmentItemId, String itemType, String reason) implements OrderIntegrationEvent {
        public String type() {
            return "order.fulfillment-item.waived.v1";
        }
    }

    record JeopardyRaised(Jeopardy jeopardy, String reason, UUID fulfillmentItemId, String itemType, Instant dueAt,
                          Instant committedCompletionAt) implements OrderIntegrationEvent {
        public String type() {
            return "order.jeopardy-raised.v1";
        }
    }

    record JeopardyCleared(Jeopardy was, String outcome) implements OrderIntegrationEvent {
        public String type() {
            return "order.jeopardy-cleared.v1";
        }
    }

    record MilestoneReached(OrderMilestone milestone, Instant reachedAt) implements OrderIntegrationEvent {
        public String type() {
            return "order.milestone-reached.v1";
        }
    }

    /** Every item completed: the order is complete, exactly once. */
    record Completed(int fulfillmentItems, String completedAt) implements OrderIntegrationEvent {
        public String type() {
            return "order.completed.v1";
        }
    }

    /** Someone asked to cancel the order, with the reason and who initiated it. */
    record CancellationRequested(String reason, CancellationRequest.Initiator initiator) implements OrderIntegrationEvent {
        public String type() {
            return "order.cancellation-requested.v1";
        }
    }

    /** The order is cancelled: what was not started is cancelled and what was done is compensated. */
    record Cancelled(long compensatedItems) implements OrderIntegrationEvent {
        public String type() {
            return "order.cancelled.v1";
        }
    }
}
