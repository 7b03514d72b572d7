package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.Json;
import io.cpqoms.kernel.ServerResources;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.DeadLetter;
import io.cpqoms.order.domain.DeadLetterArchive;
import io.cpqoms.order.domain.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What becomes of a message that exhausted its redeliveries (seed 000, section 38): it is kept in the
 * archive, once; a fulfillment item's message (a dispatch or a status query) becomes a fallout case on
 * its item, a message for one of the order's steps a case on the order, in the same transaction.
 * Anything else (unreadable, another tenant's, no order) is kept only.
 */
@Stateless
public class DeadLetterService {

    /** The actor of what dead letters do to an order. */
    public static final String ACTOR = "system:dead-letters";

    @Inject
    private DeadLetterArchive archive;

    @Inject
    private OrderRepository orders;

    /** The envelope the order journal writes for a dispatch. */
    public record DispatchEnvelope(FulfillmentDispatch data) {
    }

    public void deadLettered(DeadLetter letter) {
        FulfillmentDispatch dispatch = ServerResources.FULFILLMENT_ITEM_QUEUE_NAME.equals(letter.destination())
                ? dispatchOf(letter.body()) : null;
        if (!archive.keep(letter, dispatch == null ? null : dispatch.itemId())) {
            return; // kept and acted on before
        }
        String tenantId = letter.tenantId() != null ? letter.tenantId() : dispatch == null ? null : dispatch.tenantId();
        UUID orderId = letter.orderId() != null ? letter.orderId() : dispatch == null ? null : dispatch.orderId();
        boolean step = ServerResources.ORDER_COMMAND_QUEUE_NAME.equals(letter.destination());
        if (tenantId == null || orderId == null || (dispatch == null && !step) || !orders.exists(tenantId, orderId)) {
            return;
        }
        CommandContext context = new CommandContext(tenantId, ACTOR,
                letter.correlationId() == null ? letter.messageId() : letter.correlationId(), Set.of());
        CustomerOrder order = orders.lock(tenantId, orderId);
        if (dispatch != null) {
            order.itemMessageDeadLettered(dispatch.itemId(), dispatch.externalRequestId(), letter, Instant.now());
        } else {
            order.stepMessageDeadLettered(letter, Instant.now());
        }
        orders.save(order, context, "dead-letter:" + letter.messageId());
    }

    private static FulfillmentDispatch dispatchOf(String body) {
        try {
            DispatchEnvelope envelope = body == null ? null : Json.read(body, DispatchEnvelope.class);
            FulfillmentDispatch dispatch = envelope == null ? null : envelope.data();
            return dispatch == null || dispatch.itemId() == null ? null : dispatch;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
