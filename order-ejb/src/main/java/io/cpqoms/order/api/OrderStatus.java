package io.cpqoms.order.api;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order lifecycle (seed 000, section 15) as an explicit state machine. HELD is an order whose
 * validation found a blocker; FALLOUT an order whose fulfillment needs intervention. Cancellation and
 * amendment paths use the states already listed here.
 */
public enum OrderStatus {
    CAPTURED, VALIDATING, VALIDATED, HELD, IN_PROGRESS, FALLOUT, COMPLETED, CANCELLING, CANCELLED, FAILED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            CAPTURED, EnumSet.of(VALIDATING, VALIDATED, HELD, CANCELLING, CANCELLED),
            VALIDATING, EnumSet.of(VALIDATED, HELD),
            VALIDATED, EnumSet.of(IN_PROGRESS, FALLOUT, CANCELLING, CANCELLED, COMPLETED),
            HELD, EnumSet.of(VALIDATED, CANCELLING, CANCELLED, FAILED),
            IN_PROGRESS, EnumSet.of(COMPLETED, FALLOUT, CANCELLING),
            FALLOUT, EnumSet.of(IN_PROGRESS, CANCELLING, FAILED),
            COMPLETED, EnumSet.noneOf(OrderStatus.class),
            CANCELLING, EnumSet.of(CANCELLED, FAILED),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            FAILED, EnumSet.noneOf(OrderStatus.class));

    public boolean canMoveTo(OrderStatus target) {
        return NEXT.get(this).contains(target);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
