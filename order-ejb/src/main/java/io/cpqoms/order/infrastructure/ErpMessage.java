package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.JsonBody;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.ErpContract;
import io.cpqoms.order.api.ErpMessageType;
import jakarta.jms.Destination;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One message from ERP, read and checked against its published schema: the properties the contract
 * requires ({@code messageType}, {@code tenantId}, {@code messageId}) and a body the type's record
 * reads strictly ({@link JsonBody}: JSON types, no unknown fields, sizes) and whose constraints hold.
 * Whatever fails that is {@link Malformed}: it can never take effect, however often it is sent.
 */
record ErpMessage(ErpMessageType type, String tenantId, String messageId, String correlationId, Record body,
                  Destination replyTo) {

    /** The broker's and the API's bound on a body: 1 MiB of text. */
    static final int MAX_BODY = 1 << 20;
    static final int MAX_ID = ErpContract.MAX_MESSAGE_ID;
    static final int MAX_TENANT = ErpContract.MAX_TENANT;
    static final int MAX_CORRELATION = 100;

    static final String MESSAGE_TYPE_MISSING = "MESSAGE_TYPE_MISSING";
    static final String MESSAGE_TYPE_UNKNOWN = "MESSAGE_TYPE_UNKNOWN";
    static final String TENANT_MISSING = "TENANT_MISSING";
    static final String MESSAGE_ID_MISSING = "MESSAGE_ID_MISSING";
    static final String NOT_A_TEXT_MESSAGE = "NOT_A_TEXT_MESSAGE";
    static final String BODY_TOO_LARGE = "BODY_TOO_LARGE";

    /** Why a message can never take effect: a stable code and a reason an operator can act on. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        Malformed(String code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /**
     * Reads a message from its properties and text body ({@code null} when it is not a text message);
     * the correlation id is the message's JMSCorrelationID, else its JMSMessageID.
     */
    static ErpMessage read(Map<String, String> properties, String body, String correlationId, Destination replyTo)
            throws Malformed {
        String typeName = properties.get(ErpContract.MESSAGE_TYPE);
        if (blank(typeName)) {
            throw new Malformed(MESSAGE_TYPE_MISSING, "The message has no messageType property.");
        }
        ErpMessageType type = ErpMessageType.of(typeName).orElseThrow(() -> new Malformed(MESSAGE_TYPE_UNKNOWN,
                "messageType '" + JsonBody.excerpt(typeName) + "' is none of " + List.of(ErpMessageType.values()).stream()
                        .map(ErpMessageType::type).toList() + "."));
        String tenantId = properties.get(ErpContract.TENANT_ID);
        if (blank(tenantId) || tenantId.length() > MAX_TENANT) {
            throw new Malformed(TENANT_MISSING, "The message needs a tenantId property of 1 to " + MAX_TENANT + " characters.");
        }
        String messageId = properties.get(ErpContract.MESSAGE_ID);
        if (blank(messageId) || messageId.length() > MAX_ID) {
            throw new Malformed(MESSAGE_ID_MISSING, "The message needs a messageId property of 1 to " + MAX_ID + " characters.");
        }
        if (body == null) {
            throw new Malformed(NOT_A_TEXT_MESSAGE, "The message is not a JMS text message with a JSON body.");
        }
        if (body.length() > MAX_BODY) {
            throw new Malformed(BODY_TOO_LARGE, "The body is longer than " + MAX_BODY + " characters.");
        }
        Record record;
        try {
            record = JsonBody.readValid(body, type.body());
        } catch (DomainException e) {
            throw new Malformed(e.code(), e.getMessage() + describe(e.violations()));
        }
        return new ErpMessage(type, tenantId, messageId, blank(correlationId) ? messageId : correlationId, record, replyTo);
    }

    /** The correlation id as the audit trail keeps it ({@code audit_entry.correlation_id varchar(100)}); the reply carries it whole. */
    static String traced(String correlationId) {
        return correlationId.length() <= MAX_CORRELATION ? correlationId : correlationId.substring(0, MAX_CORRELATION);
    }

    private static String describe(List<Violation> violations) {
        return violations.isEmpty() ? "" : violations.stream().limit(10)
                .map(v -> v.target() + ": " + v.rule() + " (" + v.message() + ")")
                .collect(Collectors.joining("; ", " [", "]"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
