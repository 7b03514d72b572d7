package io.cpqoms.fulfillment.infrastructure;

import io.cpqoms.fulfillment.adapter.AdapterOutcome;
import io.cpqoms.fulfillment.adapter.AdapterRequest;
import io.cpqoms.fulfillment.adapter.FulfillmentAdapters;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.Roles;
import io.cpqoms.kernel.ServerResources;
import io.cpqoms.order.api.FulfillmentCommands;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.ItemCompletion;
import io.cpqoms.order.api.ItemFailure;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The fulfillment worker: takes a dispatched item from the queue, calls the responsible system
 * through its adapter (outside any transaction: an external call is not rolled back), and reports
 * the outcome to the order context as a command, in that command's own transaction. It never writes
 * order tables. A technical failure is thrown, so the broker redelivers within the bounded attempts
 * and then dead-letters; the same external request id makes the repeated call safe. A report the
 * order context refuses as a conflict (the item moved on, another attempt) is logged and dropped.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = ServerResources.FULFILLMENT_ITEM_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryAttempts", propertyValue = "${cpq.jms.redelivery.attempts}"),
        @ActivationConfigProperty(propertyName = "endpointExceptionRedeliveryInterval", propertyValue = "${cpq.jms.redelivery.interval-ms}"),
        @ActivationConfigProperty(propertyName = "sendUndeliverableMsgsToDMQ", propertyValue = "true")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FulfillmentItemWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(FulfillmentItemWorker.class.getName());

    @EJB
    private FulfillmentCommands fulfillment;

    private final FulfillmentAdapters adapters = new FulfillmentAdapters(
            name -> ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null));

    @Override
    public void onMessage(Message message) {
        FulfillmentDispatch dispatch = read(message);
        CommandContext context = new CommandContext(dispatch.tenantId(), "fulfillment-worker:" + dispatch.responsibleSystem(),
                correlationId(message), Set.of(Roles.FULFILLMENT_WORKER));
        AdapterOutcome outcome = adapters.adapterFor(dispatch.responsibleSystem()).execute(new AdapterRequest(
                dispatch.externalRequestId(), context.correlationId(), dispatch.orderNumber(), dispatch.itemType(),
                dispatch.action(), dispatch.input()));
        if (outcome.result() == AdapterOutcome.Result.ACCEPTED) {
            LOG.fine(() -> dispatch.responsibleSystem() + " accepted " + dispatch.externalRequestId() + "; it reports later");
            return;
        }
        try {
            if (outcome.result() == AdapterOutcome.Result.COMPLETED) {
                fulfillment.completeItem(context, dispatch.orderId(), dispatch.itemId(),
                        new ItemCompletion(dispatch.externalRequestId(), outcome.externalReference(), outcome.details()));
            } else {
                fulfillment.failItem(context, dispatch.orderId(), dispatch.itemId(),
                        new ItemFailure(dispatch.externalRequestId(), outcome.code(), outcome.message()));
            }
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT && e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            LOG.warning(() -> "dropped the outcome of " + dispatch.externalRequestId() + ": " + e.code() + " " + e.getMessage());
        }
    }

    /** The outbox envelope of a dispatch, read once into the record (its other fields are the JMS properties). */
    public record DispatchMessage(FulfillmentDispatch data) {
    }

    private static FulfillmentDispatch read(Message message) {
        try {
            FulfillmentDispatch dispatch = Json.read(((TextMessage) message).getText(), DispatchMessage.class).data();
            if (dispatch == null) {
                throw new IllegalStateException("a fulfillment item message without its dispatch");
            }
            return dispatch;
        } catch (JMSException | ClassCastException e) {
            throw new IllegalStateException("not a fulfillment item message", e);
        }
    }

    private static String correlationId(Message message) {
        try {
            String id = message.getStringProperty("correlationId");
            return id == null ? message.getJMSMessageID() : id;
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
