package io.cpqoms.fulfillment.infrastructure;

import io.cpqoms.fulfillment.adapter.AdapterOutcome;
import io.cpqoms.fulfillment.adapter.AdapterRequest;
import io.cpqoms.fulfillment.adapter.ExternalSystemAdapter;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.Roles;
import io.cpqoms.kernel.ServerResources;
import io.cpqoms.order.api.FulfillmentCommands;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.ItemCompletion;
import io.cpqoms.order.api.ItemFailure;
import io.cpqoms.order.api.RetryableFailure;
import io.cpqoms.order.api.UnknownOutcome;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The fulfillment worker: takes a dispatched item from the queue, calls the responsible system over
 * HTTP through its adapter (outside any transaction: an external call is not rolled back), and reports
 * the outcome to the order context as a command, in that command's own transaction. It never writes
 * order tables. By the adapter's taxonomy: done or a duplicate completes the item; a refusal fails it
 * with the mapped code; an invalid request fails it as a defect; accepted work is reported later
 * through the worker API; an unknown outcome (sent, no answer) is reported, and the order has the
 * system asked about the request on a timer (a status query dispatch), never sent blind again; a retryable failure (nothing reached the system) is reported, and the
 * order sends the same request (the same external request id) again on a persistent timer, within
 * the item's retry budget. A technical failure of the worker itself is thrown, so the broker
 * redelivers within the bounded attempts and then dead-letters. A report the order context refuses as a conflict (the item moved
 * on, another attempt) is logged and dropped.
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

    @Inject
    private ExternalSystemAdapter adapter;

    @Override
    public void onMessage(Message message) {
        FulfillmentDispatch dispatch = read(message);
        CommandContext context = new CommandContext(dispatch.tenantId(), "fulfillment-worker:" + dispatch.responsibleSystem(),
                correlationId(message), Set.of(Roles.FULFILLMENT_WORKER));
        AdapterOutcome result = dispatch.statusQuery()
                ? adapter.find(dispatch.responsibleSystem(), dispatch.externalRequestId())
                : adapter.execute(new AdapterRequest(dispatch.responsibleSystem(), dispatch.externalRequestId(),
                        context.correlationId(), dispatch.orderNumber(), dispatch.itemType(), dispatch.action(),
                        dispatch.input()));
        if (dispatch.statusQuery() && result.result() != AdapterOutcome.Result.COMPLETED
                && result.result() != AdapterOutcome.Result.REJECTED) {
            // not found, still working, or not answering: ask again later
            result = AdapterOutcome.of(AdapterOutcome.Result.UNKNOWN, result.code(), result.message());
        }
        try {
            switch (result.result()) {
                case ACCEPTED -> LOG.fine(() -> dispatch.responsibleSystem() + " accepted " + dispatch.externalRequestId()
                        + "; it reports later");
                case COMPLETED, DUPLICATE -> fulfillment.completeItem(context, dispatch.orderId(), dispatch.itemId(),
                        new ItemCompletion(dispatch.externalRequestId(), result.externalReference(), result.details()));
                case REJECTED -> fail(context, dispatch, result.code(), result.message(), false);
                case INVALID -> fail(context, dispatch, result.code(), result.message(), true);
                case UNKNOWN -> fulfillment.outcomeUnknown(context, dispatch.orderId(), dispatch.itemId(),
                        new UnknownOutcome(dispatch.externalRequestId(), result.message()));
                case RETRYABLE -> fulfillment.retryItemLater(context, dispatch.orderId(), dispatch.itemId(),
                        new RetryableFailure(dispatch.externalRequestId(), result.message()));
            }
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CONFLICT && e.kind() != DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            LOG.warning(() -> "dropped the outcome of " + dispatch.externalRequestId() + ": " + e.code() + " " + e.getMessage());
        }
    }

    private void fail(CommandContext context, FulfillmentDispatch dispatch, String code, String message, boolean defect) {
        fulfillment.failItem(context, dispatch.orderId(), dispatch.itemId(),
                new ItemFailure(dispatch.externalRequestId(), code, message, defect));
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
