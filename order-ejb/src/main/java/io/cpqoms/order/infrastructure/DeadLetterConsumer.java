package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.ServerResources;
import io.cpqoms.order.application.DeadLetterService;
import io.cpqoms.order.domain.DeadLetter;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Takes the messages off the broker's dead message queue, where a message lands once its consumer
 * failed the bounded redelivery attempts, and hands each to {@link DeadLetterService} in one
 * transaction: kept in the archive and, for an order's message, a fallout case. The broker keeps a
 * dead message's headers (its original destination), properties and body and adds why it died
 * ({@code JMS_SUN_DMQ_*}). If this consumer cannot store it (the database is down), the message is
 * redelivered patiently (every 10 s, 360 times: an hour) rather than lost.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ServerResources.DEAD_LETTER_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "360"),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "10000")
})
public class DeadLetterConsumer implements MessageListener {

    static final int MAX_BODY = 1_000_000;

    @EJB
    private DeadLetterService deadLetters;

    @Override
    public void onMessage(Message message) {
        try {
            deadLetters.deadLettered(read(message));
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable dead message", e);
        }
    }

    static DeadLetter read(Message message) throws JMSException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Object name : Collections.list(message.getPropertyNames())) {
            Object value = message.getObjectProperty((String) name);
            properties.put((String) name, value == null ? null : String.valueOf(value));
        }
        String body = message instanceof TextMessage text ? text.getText() : null;
        if (body != null && body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY);
        }
        String reason = properties.get("JMS_SUN_DMQ_UNDELIVERED_REASON");
        String comment = properties.get("JMS_SUN_DMQ_UNDELIVERED_COMMENT");
        String timestamp = properties.get("JMS_SUN_DMQ_UNDELIVERED_TIMESTAMP");
        // the broker's count of deliveries before it gave up (JMSXDeliveryCount starts again on this queue)
        String delivered = properties.getOrDefault("JMS_SUN_DMQ_DELIVERY_COUNT", properties.get("JMSXDeliveryCount"));
        return new DeadLetter(message.getJMSMessageID(), name(message.getJMSDestination()), message.getJMSType(),
                properties.get("tenantId"), properties.get("correlationId"), uuid(properties.get("aggregateId")),
                comment == null ? reason : reason + ": " + comment,
                delivered == null ? 0 : Integer.parseInt(delivered),
                timestamp == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(timestamp)), properties, body);
    }

    private static String name(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return queue.getQueueName();
        }
        if (destination instanceof Topic topic) {
            return topic.getTopicName();
        }
        return String.valueOf(destination);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
