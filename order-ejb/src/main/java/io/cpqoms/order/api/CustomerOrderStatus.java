package io.cpqoms.order.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The status a customer is told (seed 000, section 30): the order's progress without its process
 * internals, so validation steps read RECEIVED and fallout reads IN_PROGRESS.
 */
public enum CustomerOrderStatus {
    RECEIVED, ON_HOLD, IN_PROGRESS, COMPLETED, CANCELLING, CANCELLED, NOT_FULFILLED;

    public static CustomerOrderStatus of(OrderStatus status) {
        return switch (status) {
            case CAPTURED, VALIDATING, VALIDATED -> RECEIVED;
            case HELD -> ON_HOLD;
            case IN_PROGRESS, FALLOUT -> IN_PROGRESS;
            case COMPLETED -> COMPLETED;
            case CANCELLING -> CANCELLING;
            case CANCELLED -> CANCELLED;
            case FAILED -> NOT_FULFILLED;
        };
    }

    /** The order statuses a customer sees as this one. */
    public Set<OrderStatus> orderStatuses() {
        return Arrays.stream(OrderStatus.values()).filter(s -> of(s) == this)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OrderStatus.class)));
    }
}
