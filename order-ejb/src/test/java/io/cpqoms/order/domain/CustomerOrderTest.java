package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.FulfillmentStepSpecification;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderType;
import java.math.BigDecimal;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.OrderView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerOrderTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final UUID BUNDLE_LINE = UUID.fromString("00000000-0000-0000-0000-0000000001a1");
    private static final UUID FIBER_LINE = UUID.fromString("00000000-0000-0000-0000-0000000001a2");

    private static LineDraft line(UUID id, UUID parent, String number, String offeringId, Map<String, String> characteristics) {
        return new LineDraft(id, parent, null, number, LineAction.ADD, offeringId, "Offering " + offeringId,
                "ps_" + offeringId, BigDecimal.ONE, characteristics, null);
    }

    private static PriceSnapshot price() {
        return new PriceSnapshot(UUID.randomUUID(), UUID.randomUUID(), NOW, "USD", List.<LinePrice>of(),
                new BigDecimal("1500.00"), List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("1200.00"))));
    }

    private static OrderDraft draft(String priority, PriceSnapshot price) {
        return new OrderDraft(OrderType.NEW, "CUST-1", "ACC-1", UUID.randomUUID(), null, null, null, null, null, null,
                priority, null, price, List.of(
                        line(BUNDLE_LINE, null, "1", "bundle", Map.of()),
                        line(FIBER_LINE, BUNDLE_LINE, "1.1", "fiber", Map.of("siteId", "SITE-1", "bandwidthMbps", "500"))));
    }

    private static CustomerOrder captured() {
        return CustomerOrder.capture(UUID.randomUUID(), "acme", "ORD-000001", draft(null, price()), "fp", "alice", null, NOW);
    }

    @Test
    void aCapturedOrderHoldsItsLinesAndPrice() {
        CustomerOrder order = captured();

        assertEquals(OrderStatus.CAPTURED, order.status());
        assertEquals("ORD-000001", order.orderNumber());
        assertEquals(List.of("1", "1.1"), order.lines().stream().map(OrderLine::lineNumber).toList());
        OrderLine fiber = order.lines().get(1);
        assertEquals(BUNDLE_LINE, fiber.parentLineId());
        assertEquals(OrderLine.Status.CAPTURED, fiber.status());
        assertEquals(Map.of("siteId", "SITE-1", "bandwidthMbps", "500"), fiber.characteristics());
        assertEquals("USD", order.price().currency());
        assertEquals(0, new BigDecimal("1500.00").compareTo(order.price().oneTimeTotal()));
        assertEquals(OrderStatus.CAPTURED, order.summary().status());
    }

    @Test
    void thePriorityIsNormalUnlessGiven() {
        CustomerOrder normal = CustomerOrder.capture(UUID.randomUUID(), "acme", "ORD-2", draft(" ", null), "fp", "a", null, NOW);
        CustomerOrder urgent = CustomerOrder.capture(UUID.randomUUID(), "acme", "ORD-3", draft("HIGH", null), "fp", "a", null, NOW);

        assertEquals(CustomerOrder.PRIORITY_NORMAL, normal.view(null).priority());
        assertEquals("HIGH", urgent.view(null).priority());
        assertNull(normal.price());
    }

    @Test
    void anIllegalMoveIsAConflictThatNamesBothStates() {
        CustomerOrder order = captured();
        order.validate(OrderValidation.validate(draft(null, null), null, List.of(), null), "alice", NOW);

        DomainException e = assertThrows(DomainException.class,
                () -> order.validate(OrderValidation.validate(draft(null, null), null, List.of(), null), "alice", LATER));

        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(CustomerOrder.ORDER_TRANSITION_NOT_ALLOWED, e.code());
        assertTrue(e.getMessage().contains("ORD-000001") && e.getMessage().contains("VALIDATED"), e.getMessage());
        assertEquals(OrderStatus.VALIDATED, order.status());
        assertEquals(NOW, order.view(null).updatedAt());
    }

    @Test
    void linesFollowTheSummaryOfTheirItemsAndABundleFollowsItsChildren() {
        CustomerOrder order = captured();
        order.validate(OrderValidation.validate(draft(null, null), null, List.of(), null), "alice", NOW);
        order.plan(Map.of("ps_bundle", new ProductSpecification("ps_bundle", "Bundle", null, null, List.of(), List.of()),
                "ps_fiber", new ProductSpecification("ps_fiber", "Fiber", null, null, List.of(), List.of(
                        new FulfillmentStepSpecification(LineAction.ADD, "ACCESS", "network", List.of(), "UNDO", null, null, null)))), NOW);

        assertEquals(OrderStatus.IN_PROGRESS, order.status());
        assertEquals(OrderLine.Status.IN_PROGRESS, order.lines().get(1).status());
        assertEquals(OrderLine.Status.IN_PROGRESS, order.lines().get(0).status(), "the bundle line follows its child");
        assertEquals("IN_PROGRESS", order.customerView().status());

        FulfillmentItem access = order.items().get(0);
        order.itemCompleted(access.id(), access.externalRequestId(), "CIRCUIT-1", Map.of(), LATER);
        assertEquals(OrderLine.Status.COMPLETED, order.lines().get(1).status());
        assertEquals("COMPLETED", order.lines().get(1).view().fulfillmentStatus());
        assertEquals(OrderLine.Status.COMPLETED, order.lines().get(0).status(), "all its children are complete");
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(LATER, order.view(null).completedAt());
        assertEquals("COMPLETED", order.customerView().status());
    }

    @Test
    void theCustomerSeesABusinessStatus() {
        CustomerOrder order = captured();
        assertEquals("RECEIVED", order.customerView().status());
        order.validate(OrderValidation.validate(draft(null, null), null, List.of(), "ORD-0"), "alice", NOW);
        assertEquals("ON_HOLD", order.customerView().status());
    }

    @Test
    void aCancelledOrderKeepsWhoAskedAndWhy() {
        CustomerOrder order = captured();
        order.requestCancellation("sup", new CancellationRequest("duplicate entry", CancellationRequest.Initiator.INTERNAL),
                LATER);

        assertEquals(OrderStatus.CANCELLED, order.status(), "nothing was started: cancelled at once");
        assertTrue(order.lines().stream().allMatch(l -> l.status() == OrderLine.Status.CANCELLED));
        OrderView.Cancellation cancellation = order.view(null).cancellation();
        assertEquals(new OrderView.Cancellation("sup", LATER, "duplicate entry", CancellationRequest.Initiator.INTERNAL),
                cancellation);
        assertEquals("CANCELLED", order.customerView().status());
    }
}
