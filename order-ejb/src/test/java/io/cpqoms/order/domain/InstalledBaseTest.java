package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.InventoryIntegrationEvent;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.order.api.ProductStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An order's completion projected into the installed base, through the aggregate alone: a bundle from
 * a quote becomes one ACTIVE asset per ADD line with the line's characteristics and recurring price,
 * children linked to the bundle's asset, the quote revision and order carried along; the assets and
 * their events come with the completing command, once.
 */
class InstalledBaseTest {

    private static final Map<String, ProductSpecification> DEMO = DemoCatalog.specifications();
    private static final UUID BUNDLE_LINE = UUID.randomUUID();
    private static final UUID FIBER_LINE = UUID.randomUUID();
    private static final UUID ROUTER_LINE = UUID.randomUUID();
    private static final UUID QUOTE = UUID.randomUUID();
    private Instant clock = Instant.parse("2026-03-01T23:59:58Z");

    @Test
    void theCompletionOfABundleCreatesItsAssetsWithTheLineTreeCharacteristicsAndPrice() {
        CustomerOrder order = completed();
        List<CustomerOrder.Recorded> events = order.takeEvents();
        List<ProductAsset> assets = order.takeCreated().stream().filter(ProductAsset.class::isInstance)
                .map(ProductAsset.class::cast).toList();

        assertEquals(3, assets.size());
        ProductAsset bundle = assets.get(0);
        ProductAsset fiber = assets.get(1);
        ProductAsset router = assets.get(2);
        assertEquals("po_connectivity_bundle", bundle.offeringId());
        assertNull(bundle.parentId());
        assertEquals(bundle.id(), fiber.parentId());
        assertEquals(bundle.id(), router.parentId());
        assertEquals(FIBER_LINE, fiber.createdByOrderLineId());
        assertEquals(Map.of("bandwidthMbps", "1000", "siteId", "HQ"), fiber.characteristics());
        assertEquals(List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("899.0000"))), fiber.recurringPrice());
        assertEquals(List.of(), router.recurringPrice(), "a line without recurring charges");
        assertEquals("USD", fiber.currency());
        assertEquals(ProductStatus.ACTIVE, fiber.status());
        assertEquals("acme", fiber.tenantId());
        assertEquals("CUST-1", fiber.customerId());
        assertEquals(LocalDate.parse("2026-03-02"), fiber.startDate(), "the day of completion, UTC");

        var view = fiber.view(List.of());
        assertEquals(QUOTE, view.sourceQuote().id());
        assertEquals(2, view.sourceQuote().revision());
        assertEquals("ORD-2026-0000042", view.realizingOrder().get(0).orderNumber());
        assertEquals(FIBER_LINE, view.realizingOrder().get(0).orderLineId());
        assertEquals("MONTH", view.productPrice().get(0).recurringChargePeriod());

        List<OrderEvent> kinds = events.stream().map(CustomerOrder.Recorded::event).toList();
        int installed = indexOf(kinds, OrderEvent.InstalledBaseUpdated.class);
        int completed = indexOf(kinds, OrderEvent.Completed.class);
        assertTrue(installed >= 0 && installed < completed, "the assets come with the completion, before order.completed");
        OrderEvent.InstalledBaseUpdated products = (OrderEvent.InstalledBaseUpdated) kinds.get(installed);
        assertEquals(3, products.productChanges().size());
        assertEquals("PRODUCT_INVENTORY_UPDATED", products.action());
        ProductAsset.Change fiberCreated = products.productChanges().get(1);
        assertSame(fiber, fiberCreated.product());
        assertEquals("PRODUCT_INVENTORY_CREATED", fiberCreated.action());
        InventoryIntegrationEvent.ProductCreated published = (InventoryIntegrationEvent.ProductCreated) fiberCreated.published();
        assertEquals("inventory.product-created.v1", published.type());
        assertEquals(bundle.id(), published.parentProductId());
        assertEquals(QUOTE, published.sourceQuoteId());
        assertEquals(order.id(), published.orderId());
    }

    @Test
    void aRepeatedCompletionReportCreatesNothing() {
        CustomerOrder order = completed();
        order.takeEvents();
        order.takeCreated();
        FulfillmentItem last = order.items().get(order.items().size() - 1);
        order.itemCompleted(last.id(), last.externalRequestId(), last.externalReference(), Map.of(), tick());
        assertEquals(List.of(), order.takeCreated());
        assertEquals(List.of(), order.takeEvents());
    }

    @Test
    void onlyAddedLinesBecomeAssets() {
        CustomerOrder order = capture(List.of(line(FIBER_LINE, null, "1", LineAction.MODIFY, "po_enterprise_fiber",
                "ps_fiber_access", Map.of("siteId", "HQ"))), null);
        assertEquals(List.of(), InstalledBase.install(order, tick()));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private CustomerOrder completed() {
        LinePrice fiberPrice = new LinePrice(FIBER_LINE.toString(), "po_enterprise_fiber", BigDecimal.ONE, List.of(),
                new BigDecimal("250.0000"), List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("899.0000"))),
                BUNDLE_LINE.toString(), null);
        PriceSnapshot price = new PriceSnapshot(UUID.randomUUID(), UUID.randomUUID(), clock, "USD", List.of(fiberPrice),
                new BigDecimal("250.0000"), List.of());
        List<LineDraft> lines = List.of(
                line(BUNDLE_LINE, null, "1", LineAction.ADD, "po_connectivity_bundle", "ps_connectivity_bundle", Map.of()),
                new LineDraft(FIBER_LINE, BUNDLE_LINE, null, "1.1", LineAction.ADD, "po_enterprise_fiber", "Enterprise Fiber",
                        "ps_fiber_access", BigDecimal.ONE, Map.of("bandwidthMbps", "1000", "siteId", "HQ"), fiberPrice),
                line(ROUTER_LINE, BUNDLE_LINE, "1.2", LineAction.ADD, "po_managed_router", "ps_managed_router", Map.of()));
        CustomerOrder order = capture(lines, price);
        // the quote's evidence is checked at capture by the application (SourceQuote); here the lines only
        OrderDraft direct = new OrderDraft(OrderType.NEW, "CUST-1", "ACC-1", UUID.randomUUID(), null, null, null, null, null,
                null, null, null, price, lines);
        order.validate(OrderValidation.validate(direct, null, List.of(), null), "alice", tick());
        order.plan(DEMO, tick());
        for (int round = 0; round < 50 && order.status() == OrderStatus.IN_PROGRESS; round++) {
            for (FulfillmentItem item : List.copyOf(order.items())) {
                if (item.status() == FulfillmentItemStatus.IN_PROGRESS) {
                    order.itemCompleted(item.id(), item.externalRequestId(), "REF-" + item.itemType(), Map.of(), tick());
                }
            }
        }
        assertEquals(OrderStatus.COMPLETED, order.status());
        return order;
    }

    private static LineDraft line(UUID id, UUID parent, String number, LineAction action, String offering, String spec,
                                  Map<String, String> characteristics) {
        return new LineDraft(id, parent, null, number, action, offering, offering, spec, BigDecimal.ONE, characteristics, null);
    }

    private static OrderDraft draft(List<LineDraft> lines, PriceSnapshot price) {
        return new OrderDraft(OrderType.NEW, "CUST-1", "ACC-1", UUID.randomUUID(), QUOTE, "Q-2026-0000007", 2,
                UUID.randomUUID(), Instant.parse("2026-02-28T10:00:00Z"), "dana", null, null, price, lines);
    }

    private CustomerOrder capture(List<LineDraft> lines, PriceSnapshot price) {
        return CustomerOrder.capture(UUID.randomUUID(), "acme", "ORD-2026-0000042", draft(lines, price), "fp", "alice", null,
                tick());
    }

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    private static int indexOf(List<OrderEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
