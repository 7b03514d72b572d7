package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.ServerResources;
import io.cpqoms.order.application.OrderProcessService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Set;
import java.util.UUID;

/**
 * Runs the order's next step from the order command queue: each step is its own transaction, started
 * only after the previous one committed (its message left through the outbox). Steps check the order's
 * status first, so a redelivered message is a no-op; a step that keeps failing goes to the dead
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
            switch (message.getJMSType()) {
                case OrderProcessService.VALIDATE -> process.validate(context, orderId, causation);
                case OrderProcessService.DECOMPOSE -> process.decompose(context, orderId, causation);
                case OrderProcessService.START_FULFILLMENT -> process.startFulfillment(context, orderId, causation);
                default -> throw new IllegalArgumentException("not an order command: " + message.getJMSType());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("unreadable order command", e);
        }
    }
}
