package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.OrderStatus;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The order and fulfillment item lifecycles as their transition tables say. */
class StatusTransitionsTest {

    private static <E extends Enum<E>> Set<E> reachable(E from, Class<E> type, BiPredicate<E, E> step) {
        Set<E> seen = EnumSet.noneOf(type);
        Deque<E> todo = new ArrayDeque<>(Set.of(from));
        while (!todo.isEmpty()) {
            E current = todo.pop();
            for (E next : type.getEnumConstants()) {
                if (step.test(current, next) && seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    // --- orders -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "CAPTURED, VALIDATED", "CAPTURED, HELD", "CAPTURED, CANCELLED", "CAPTURED, VALIDATING",
            "VALIDATED, IN_PROGRESS", "VALIDATED, COMPLETED", "HELD, VALIDATED", "HELD, FAILED",
            "IN_PROGRESS, COMPLETED", "IN_PROGRESS, FALLOUT", "IN_PROGRESS, CANCELLING", "FALLOUT, IN_PROGRESS",
            "CANCELLING, CANCELLED"})
    void anOrderMay(OrderStatus from, OrderStatus to) {
        assertTrue(Lifecycles.canMove(from, to));
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @CsvSource({
            "CAPTURED, IN_PROGRESS", "CAPTURED, COMPLETED", "HELD, IN_PROGRESS", "VALIDATING, IN_PROGRESS",
            "IN_PROGRESS, CANCELLED", "IN_PROGRESS, VALIDATED", "FALLOUT, COMPLETED", "COMPLETED, IN_PROGRESS",
            "CANCELLED, CAPTURED", "FAILED, IN_PROGRESS"})
    void anOrderMayNot(OrderStatus from, OrderStatus to) {
        assertFalse(Lifecycles.canMove(from, to));
    }

    @Test
    void completedCancelledAndFailedOrdersAreFinal() {
        Set<OrderStatus> finals = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus s : OrderStatus.values()) {
            if (Lifecycles.isFinal(s)) {
                finals.add(s);
                assertTrue(Arrays.stream(OrderStatus.values()).noneMatch(t -> Lifecycles.canMove(s, t)), s + " moves on");
            }
        }
        assertEquals(EnumSet.of(OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.FAILED), finals);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void noOrderStatusMovesToItselfAndEveryOneCanEnd(OrderStatus status) {
        assertFalse(Lifecycles.canMove(status, status));
        if (!Lifecycles.isFinal(status)) {
            Set<OrderStatus> reachable = reachable(status, OrderStatus.class, (a, b) -> Lifecycles.canMove(a, b));
            assertTrue(reachable.stream().anyMatch(Lifecycles::isFinal), status + " can never end");
        }
    }

    // --- fulfillment items ------------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PENDING, IN_PROGRESS", "PENDING, READY", "READY, IN_PROGRESS", "IN_PROGRESS, COMPLETED",
            "IN_PROGRESS, FAILED", "IN_PROGRESS, WAITING_UNKNOWN_OUTCOME", "WAITING_EXTERNAL, COMPLETED",
            "WAITING_UNKNOWN_OUTCOME, IN_PROGRESS", "FAILED, IN_PROGRESS", "FAILED, COMPLETED", "FAILED, CANCELLED",
            "PENDING, CANCELLED", "COMPLETED, COMPENSATING", "COMPENSATING, COMPENSATED", "COMPENSATING, COMPENSATION_FAILED",
            "COMPENSATION_FAILED, COMPENSATING"})
    void anItemMay(FulfillmentItemStatus from, FulfillmentItemStatus to) {
        assertTrue(Lifecycles.canMove(from, to));
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @CsvSource({
            "PENDING, COMPLETED", "PENDING, FAILED", "IN_PROGRESS, IN_PROGRESS", "COMPLETED, FAILED",
            "COMPLETED, IN_PROGRESS", "CANCELLED, IN_PROGRESS", "COMPENSATED, COMPLETED",
            "IN_PROGRESS, PENDING", "IN_PROGRESS, CANCELLED", "COMPLETED, COMPENSATED", "COMPLETED, CANCELLED",
            "COMPENSATION_FAILED, COMPLETED", "COMPENSATION_FAILED, CANCELLED"})
    void anItemMayNot(FulfillmentItemStatus from, FulfillmentItemStatus to) {
        assertFalse(Lifecycles.canMove(from, to));
    }

    @Test
    void cancelledAndCompensatedItemsGoNowhere() {
        for (FulfillmentItemStatus end : EnumSet.of(FulfillmentItemStatus.CANCELLED, FulfillmentItemStatus.COMPENSATED)) {
            assertTrue(Arrays.stream(FulfillmentItemStatus.values()).noneMatch(t -> Lifecycles.canMove(end, t)), end + " moves on");
        }
    }

    @Test
    void aCompletedItemCanOnlyBeCompensated() {
        assertEquals(Set.of(FulfillmentItemStatus.COMPENSATING, FulfillmentItemStatus.COMPENSATED,
                        FulfillmentItemStatus.COMPENSATION_FAILED),
                reachable(FulfillmentItemStatus.COMPLETED, FulfillmentItemStatus.class, (a, b) -> Lifecycles.canMove(a, b)));
    }
}
