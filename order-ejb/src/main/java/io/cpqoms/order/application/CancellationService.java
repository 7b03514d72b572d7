package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.CancellationCommands;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/** Cancellation (seed 000, sections 18-19): the order decides whether and how; see {@link CustomerOrder#requestCancellation}. */
@Stateless
public class CancellationService implements CancellationCommands {

    public static final String INVALID_CANCELLATION_REQUEST = "INVALID_CANCELLATION_REQUEST";

    @Inject
    private OrderRepository orders;

    @Override
    public OrderView cancel(CommandContext context, UUID orderId, CancellationRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank() || request.initiator() == null) {
            throw DomainException.invalidInput(INVALID_CANCELLATION_REQUEST,
                    "A cancellation states its reason and its initiator (CUSTOMER or INTERNAL).");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        order.requestCancellation(context.actor(), request, Instant.now());
        orders.save(order, context, "cancellation:" + order.id());
        return order.view();
    }
}
