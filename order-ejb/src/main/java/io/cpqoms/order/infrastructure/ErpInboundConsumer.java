package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.ServerResources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Takes ERP's messages off the ERP inbound queue (docs/erp.md). Each outcome is its own transaction in
 * {@link ErpInbox}: the effect with its inbox row and ACK; or, when the command refuses (a
 * {@link DomainException}, whose transaction rolled back), the NACK kept in the inbox; or, for a message
 * that can never take effect, the product's dead-letter queue. Those end the delivery: only a technical
 * failure (the database down) escapes, and the broker redelivers the message the bounded number of
 * times before its dead message queue. The bean itself runs outside a transaction so that a refusal's
 * rollback does not take the NACK with it.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ServerResources.ERP_INBOUND_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "${cpq.jms.redelivery.attempts}"),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "${cpq.jms.redelivery.interval-ms}"),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ErpInboundConsumer implements MessageListener {

    @EJB
    private ErpInbox inbox;

    @Override
    public void onMessage(Message message) {
        try {
            Map<String, String> properties = new LinkedHashMap<>();
            for (Object name : Collections.list(message.getPropertyNames())) {
                Object value = message.getObjectProperty((String) name);
                if (value != null && !((String) name).startsWith("JMS")) {
                    properties.put((String) name, String.valueOf(value));
                }
            }
            String body = message instanceof TextMessage text ? text.getText() : null;
            String correlationId = message.getJMSCorrelationID() != null ? message.getJMSCorrelationID()
                    : message.getJMSMessageID();
            ErpMessage erp;
            try {
                erp = ErpMessage.read(properties, body, correlationId, message.getJMSReplyTo());
            } catch (ErpMessage.Malformed malformed) {
                inbox.deadLetter(message.getJMSMessageID(), properties, body, correlationId, message.getJMSReplyTo(),
                        malformed);
                return;
            }
            try {
                inbox.apply(erp);
            } catch (DomainException refusal) {
                inbox.refused(erp, refusal);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable ERP message", e);
        }
    }
}
