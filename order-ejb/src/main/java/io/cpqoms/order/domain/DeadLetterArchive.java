package io.cpqoms.order.domain;

import java.util.UUID;

/** Where dead-lettered messages are kept for audit, once each. */
public interface DeadLetterArchive {

    /**
     * Keeps the message, naming the order and item it concerns (either may be null); false if it was
     * kept before (a redelivery from the dead message queue), so it is acted on once.
     */
    boolean keep(DeadLetter letter, UUID fulfillmentItemId);
}
