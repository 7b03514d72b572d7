package io.cpqoms.order.infrastructure;

import io.cpqoms.catalog.api.AccountStandingCommands;
import io.cpqoms.catalog.api.AccountStandingView;
import io.cpqoms.kernel.AuditEntry;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.ServerResources;
import io.cpqoms.order.api.CaptureResult;
import io.cpqoms.order.api.ErpAccountStanding;
import io.cpqoms.order.api.ErpBillingAcknowledgement;
import io.cpqoms.order.api.ErpBillingRejection;
import io.cpqoms.order.api.ErpContract;
import io.cpqoms.order.api.ErpOrderRequest;
import io.cpqoms.order.api.ErpReply;
import io.cpqoms.order.api.OrderCommands;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a message from ERP does, each outcome one transaction with its reply: the inbox row (tenant,
 * message id), the command's effect and the ACK commit together; a message received before has no
 * effect and gets the reply kept with it; a command's refusal is kept as a NACK with the problem's code
 * (never retried); a malformed message goes to the product's dead-letter queue and the audit trail.
 * The actor is {@value #ACTOR}: who may send is decided by the broker's credentials (docs/erp.md).
 */
@Stateless
public class ErpInbox {

    /** The actor of everything ERP messages do, in every context's audit trail. */
    public static final String ACTOR = "system:erp";
    /** The tenant of an audit entry for a dead letter that named none. */
    static final String NO_TENANT = "(none)";
    static final String AGGREGATE = "ErpMessage";

    @PersistenceContext(unitName = "ordering")
    private EntityManager em;

    @Inject
    private JMSContext jms;

    @Resource(lookup = ServerResources.ERP_DEAD_LETTER_QUEUE)
    private Queue deadLetters;

    @EJB
    private AccountStandingCommands standings;

    @EJB
    private OrderCommands orders;

    @EJB
    private ErpBillingAnswers billing;

    /** The message's effect, its inbox row and its ACK; a duplicate's reply only. A refusal rolls it all back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ErpReply apply(ErpMessage message) {
        if (!claim(message, "ACK", null, Map.of())) {
            return answerAgain(message);
        }
        CommandContext context = context(message.tenantId(), message.correlationId());
        Map<String, String> effect = new LinkedHashMap<>();
        switch (message.type()) {
            case ACCOUNT_STANDING -> {
                ErpAccountStanding statement = (ErpAccountStanding) message.body();
                AccountStandingView view = standings.record(context, statement.accountId(), statement.standing());
                effect.put("accountId", view.accountId());
                effect.put("outcome", view.outcome().name());
            }
            case BILLING_ACKNOWLEDGEMENT -> {
                ErpBillingAcknowledgement ack = (ErpBillingAcknowledgement) message.body();
                billing.acknowledged(context, ack);
                effect.put("triggerId", ack.triggerId().toString());
            }
            case BILLING_REJECTION -> {
                ErpBillingRejection rejection = (ErpBillingRejection) message.body();
                billing.rejected(context, rejection);
                effect.put("triggerId", rejection.triggerId().toString());
            }
            case ORDER_REQUEST -> {
                ErpOrderRequest request = (ErpOrderRequest) message.body();
                CaptureResult result = orders.captureDirect(context, request.order(), request.idempotencyKey());
                effect.put("orderId", result.order().id().toString());
                effect.put("orderNumber", result.order().orderNumber());
            }
            default -> throw new IllegalStateException("no effect for " + message.type());
        }
        ErpReply reply = ErpReply.ack(message.messageId(), message.type().type(), effect);
        em.createNativeQuery("update ordering.erp_inbox set reply = cast(? as jsonb) where tenant_id = ? and message_id = ?")
                .setParameter(1, Json.write(reply))
                .setParameter(2, message.tenantId())
                .setParameter(3, message.messageId())
                .executeUpdate();
        reply(message.replyTo(), message.correlationId(), message.tenantId(), reply);
        return reply;
    }

    /** A business rule refused the message (the effect rolled back): kept as a NACK, audited and answered. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ErpReply refused(ErpMessage message, DomainException refusal) {
        ErpReply reply = ErpReply.nack(message.messageId(), message.type().type(), refusal.code(), refusal.getMessage());
        if (!claim(message, "NACK", refusal.code(), reply)) {
            return answerAgain(message);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageType", message.type().type());
        details.put("code", refusal.code());
        details.put("reason", refusal.getMessage());
        em.persist(new AuditEntry(context(message.tenantId(), message.correlationId()), Instant.now(),
                "erp.message-refused", AGGREGATE, message.messageId(), 0, details));
        reply(message.replyTo(), message.correlationId(), message.tenantId(), reply);
        return reply;
    }

    /**
     * A message that can never take effect: onto the product's dead-letter queue with its properties, body
     * and reason, audited, and answered with a NACK when it says where to. Never redelivered.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ErpReply deadLetter(String jmsMessageId, Map<String, String> properties, String body, String correlationId,
                               Destination replyTo, ErpMessage.Malformed malformed) {
        String tenant = properties.getOrDefault(ErpContract.TENANT_ID, "");
        String messageId = properties.get(ErpContract.MESSAGE_ID);
        String messageType = properties.get(ErpContract.MESSAGE_TYPE);
        String auditTenant = tenant.isBlank() || tenant.length() > ErpMessage.MAX_TENANT ? NO_TENANT : tenant;
        try {
            TextMessage letter = jms.createTextMessage(body);
            for (Map.Entry<String, String> property : properties.entrySet()) {
                letter.setStringProperty(property.getKey(), property.getValue());
            }
            letter.setStringProperty("deadLetterCode", malformed.code());
            letter.setStringProperty("deadLetterReason", malformed.getMessage());
            letter.setStringProperty("originalJmsMessageId", jmsMessageId);
            letter.setStringProperty("deadLetteredAt", Instant.now().toString());
            if (correlationId != null) {
                letter.setJMSCorrelationID(correlationId);
            }
            jms.createProducer().send(deadLetters, letter);
        } catch (JMSException e) {
            throw new IllegalStateException("the dead letter could not be built", e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageType", messageType);
        details.put("messageId", messageId);
        details.put("jmsMessageId", jmsMessageId);
        details.put("code", malformed.code());
        details.put("reason", malformed.getMessage());
        details.put("deadLetterQueue", ServerResources.ERP_DEAD_LETTER_QUEUE_NAME);
        em.persist(new AuditEntry(context(auditTenant, correlationId), Instant.now(), "erp.message-dead-lettered",
                AGGREGATE, messageId != null && !messageId.isBlank() && messageId.length() <= ErpMessage.MAX_ID ? messageId
                        : jmsMessageId, 0, details));
        ErpReply reply = ErpReply.nack(messageId, messageType, malformed.code(), malformed.getMessage());
        reply(replyTo, correlationId, tenant.isBlank() ? null : tenant, reply);
        return reply;
    }

    /** Inserts the message's inbox row; false when it was received before (the earlier transaction committed). */
    private boolean claim(ErpMessage message, String status, String code, Object reply) {
        return em.createNativeQuery("insert into ordering.erp_inbox (tenant_id, message_id, message_type, correlation_id,"
                        + " status, code, reply, received_at) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)"
                        + " on conflict (tenant_id, message_id) do nothing")
                .setParameter(1, message.tenantId())
                .setParameter(2, message.messageId())
                .setParameter(3, message.type().type())
                .setParameter(4, ErpMessage.traced(message.correlationId()))
                .setParameter(5, status)
                .setParameter(6, code)
                .setParameter(7, Json.write(reply))
                .setParameter(8, Timestamp.from(Instant.now()))
                .executeUpdate() == 1;
    }

    private ErpReply answerAgain(ErpMessage message) {
        List<?> rows = em.createNativeQuery("select reply::text from ordering.erp_inbox where tenant_id = ? and message_id = ?")
                .setParameter(1, message.tenantId())
                .setParameter(2, message.messageId())
                .getResultList();
        ErpReply reply = Json.read((String) rows.get(0), ErpReply.class).again();
        reply(message.replyTo(), message.correlationId(), message.tenantId(), reply);
        return reply;
    }

    private void reply(Destination replyTo, String correlationId, String tenantId, ErpReply reply) {
        if (replyTo == null) {
            return;
        }
        try {
            TextMessage answer = jms.createTextMessage(Json.write(reply));
            answer.setJMSCorrelationID(correlationId);
            answer.setStringProperty(ErpContract.MESSAGE_TYPE, ErpReply.TYPE);
            answer.setStringProperty("status", reply.status().name());
            if (tenantId != null) {
                answer.setStringProperty(ErpContract.TENANT_ID, tenantId);
            }
            if (reply.messageId() != null) {
                answer.setStringProperty(ErpContract.MESSAGE_ID, reply.messageId());
            }
            jms.createProducer().send(replyTo, answer);
        } catch (JMSException e) {
            throw new IllegalStateException("the reply could not be built", e);
        }
    }

    private static CommandContext context(String tenantId, String correlationId) {
        return new CommandContext(tenantId, ACTOR, ErpMessage.traced(correlationId), Set.of());
    }
}
