package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.ServerResources;
import io.cpqoms.order.application.OrderProcessService;
import io.cpqoms.order.domain.OrderEvent;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the order's next step from the order command queue in its own transaction, started only after
 * the one that asked for it committed (its message left through the outbox). The step checks the
 * order's state first, so a redelivered message is a no-op; a step that keeps failing goes to the dead
 * letter queue after the bounded redelivery attempts.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ServerResources.ORDER_COMMAND_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "${cpq.jms.redelivery.attempts}"),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "${cpq.jms.redelivery.interval-ms}"),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
public class OrderCommandConsumer implements MessageListener {

    /** The actor of steps the order context runs itself. */
    public static final String ACTOR = "system:order-process";

    @EJB
    private OrderProcessService process;

    @Override
    public void onMessage(Message message) {
        try {
            CommandContext context = new CommandContext(message.getStringProperty("tenantId"), ACTOR,
                    message.getStringProperty("correlationId"), Set.of());
            UUID orderId = UUID.fromString(message.getStringProperty("aggregateId"));
            String causation = message.getStringProperty("eventId");
            if (!OrderEvent.PLAN_FULFILLMENT.equals(message.getJMSType())) {
                throw new IllegalArgumentException("not an order command: " + message.getJMSType());
            }
            process.planFulfillment(context, orderId, causation);
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable order command", e);
        }
    }
}
