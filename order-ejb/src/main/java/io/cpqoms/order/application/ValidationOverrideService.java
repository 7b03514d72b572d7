package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.api.ValidationCommands;
import io.cpqoms.order.api.ValidationOverride;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * A supervisor's override of a held order's validation blockers (seed 000, sections 33 and 37). The
 * order is VALIDATED when this returns; its plan is built in the next step's transaction.
 */
@Stateless
public class ValidationOverrideService implements ValidationCommands {

    public static final String INVALID_OVERRIDE_REQUEST = "INVALID_OVERRIDE_REQUEST";

    @Inject
    private OrderRepository orders;

    @Override
    public OrderView overrideBlockers(CommandContext context, UUID orderId, ValidationOverride.Request request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw DomainException.invalidInput(INVALID_OVERRIDE_REQUEST, "An override states its reason.");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        order.overrideValidation(context.actor(), request.reason().strip(), Instant.now());
        orders.save(order, context, "validation-override:" + order.id());
        return order.view();
    }
}
