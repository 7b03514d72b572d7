package io.cpqoms.order.domain;

import java.io.Serializable;
import java.util.UUID;

/**
 * What a persistent timer of the order context is for, kept with the timer in the database (so it
 * survives a restart) and handed back to the order when it fires.
 */
public sealed interface OrderTimer extends Serializable {

    UUID orderId();

    /** A retryable request is due to go again. */
    record RetryDue(UUID orderId, UUID itemId, String externalRequestId) implements OrderTimer {
    }
}
