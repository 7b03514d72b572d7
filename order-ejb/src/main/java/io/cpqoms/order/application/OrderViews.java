package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.ValidationResult;
import io.cpqoms.order.infrastructure.Orders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Builds the operator view of an order: the aggregate with its latest validation result. */
@ApplicationScoped
public class OrderViews {

    @Inject
    private Orders orders;

    public OrderView order(CommandContext context, UUID orderId) {
        return of(orders.get(context.tenantId(), orderId));
    }

    public OrderView of(CustomerOrder order) {
        return order.view(orders.latestValidation(order.id()).map(ValidationResult::view).orElse(null));
    }
}
