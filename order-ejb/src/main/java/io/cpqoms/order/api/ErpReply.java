package io.cpqoms.order.api;

import java.util.Map;

/**
 * The answer to an ERP message, sent to its JMSReplyTo with JMSCorrelationID = the message's
 * correlation id (its JMSCorrelationID, else its JMSMessageID), and kept with the message in the inbox
 * so a duplicate gets the same answer ({@code duplicate} true). ACK: the message took effect, and
 * {@code effect} names what it made (orderId and orderNumber, accountId and outcome, triggerId). NACK:
 * it was refused, with the refusal's stable {@code code} and {@code message}: a business rule (the
 * command's problem code, recorded, never retried) or a malformed message (the reading's code, such as
 * TENANT_MISSING or UNKNOWN_FIELD; the message is put on the product's dead-letter queue).
 */
public record ErpReply(Status status, String messageId, String messageType, String code, String message,
                       boolean duplicate, Map<String, String> effect) {

    public enum Status { ACK, NACK }

    /** The {@code messageType} property of a reply. */
    public static final String TYPE = "erp-reply.v1";

    public ErpReply {
        effect = effect == null ? Map.of() : Map.copyOf(effect);
    }

    public static ErpReply ack(String messageId, String messageType, Map<String, String> effect) {
        return new ErpReply(Status.ACK, messageId, messageType, null, null, false, effect);
    }

    public static ErpReply nack(String messageId, String messageType, String code, String message) {
        return new ErpReply(Status.NACK, messageId, messageType, code, message, false, Map.of());
    }

    /** The same answer, to a message that was received before. */
    public ErpReply again() {
        return new ErpReply(status, messageId, messageType, code, message, true, effect);
    }
}
