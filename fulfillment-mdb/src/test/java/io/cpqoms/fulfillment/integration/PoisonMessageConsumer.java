package io.cpqoms.fulfillment.integration;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer that always fails, configured with the domain's redelivery settings exactly as the
 * product's message-driven beans are, to prove the bound holds and dead letters reach the DMQ.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = RedeliveryIT.QUEUE),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "${cpq.jms.redelivery.attempts}"),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "${cpq.jms.redelivery.interval-ms}"),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
public class PoisonMessageConsumer implements MessageListener {

    static final Map<String, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

    @Override
    public void onMessage(Message message) {
        try {
            DELIVERIES.computeIfAbsent(message.getStringProperty("probe"), k -> new AtomicInteger()).incrementAndGet();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("poison message: this consumer always fails");
    }
}
