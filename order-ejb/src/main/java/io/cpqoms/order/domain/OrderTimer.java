package io.cpqoms.order.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * What a persistent timer of the order context is for, kept with the timer in the database (so it
 * survives a restart) and handed back to the order when it fires.
 */
public sealed interface OrderTimer extends Serializable {

    UUID orderId();

    /** An item's next attempt is due: its request again after a retryable failure, or a status query after an unknown outcome. */
    record AttemptDue(UUID orderId, UUID itemId, String externalRequestId) implements OrderTimer {
    }

    /** The order's earliest expectation: items whose work is still out past their expected time are overdue (jeopardy). */
    record ExpectationDue(UUID orderId, Instant dueAt) implements OrderTimer {
    }

    /** The order's completion is at risk ({@code breach} false: the warning) or its committed date passed. */
    record CompletionDue(UUID orderId, boolean breach, Instant dueAt) implements OrderTimer {
    }

    /** A fallout case's due time: the customer's answer or the escalation desk's response was to be in by {@code dueAt}. */
    record FalloutCaseDue(UUID orderId, UUID falloutCaseId, Instant dueAt) implements OrderTimer {
    }

    /** A billing trigger was to be answered by {@code dueAt}; if it still waits on that attempt a billing fallout case opens. */
    record BillingAcknowledgementDue(UUID orderId, UUID billingTriggerId, Instant dueAt) implements OrderTimer {
    }
}
