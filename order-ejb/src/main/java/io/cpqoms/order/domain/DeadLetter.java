package io.cpqoms.order.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message that exhausted its redeliveries, as taken off the broker's dead message queue: its id,
 * where it was sent, what it was, why it died, its properties and its body. The archive keeps it as
 * evidence; a message of an order becomes a fallout case on its item or on the order.
 */
public record DeadLetter(String messageId,
                         String destination,
                         String messageType,
                         String tenantId,
                         String correlationId,
                         UUID orderId,
                         String reason,
                         int deliveryCount,
                         Instant deadLetteredAt,
                         Map<String, String> properties,
                         String body) {

    public DeadLetter {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
