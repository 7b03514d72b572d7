package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.ConfiguredProduct;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.InventoryIntegrationEvent;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.order.api.ProductStatus;
import io.cpqoms.order.api.ValidationCheck;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Change orders without a container: the lines computed from the installed base (a bundle member that
 * changes is MODIFY, the rest of its tree NO_CHANGE; a disconnect takes the whole tree), the order types'
 * line actions, the checks against the base, and a change order's completion changing the products it
 * names through the aggregate.
 */
class ChangeOrdersTest {

    private static final Instant SOLD = Instant.parse("2026-01-10T09:00:00Z");
    private Instant clock = Instant.parse("2026-03-01T10:00:00Z");

    private final ProductAsset bundle = asset(null, "po_connectivity_bundle", "ps_connectivity_bundle", Map.of());
    private final ProductAsset fiber = asset(bundle.id(), "po_enterprise_fiber", "ps_fiber_access",
            Map.of("bandwidthMbps", "500", "siteId", "HQ"));
    private final ProductAsset router = asset(bundle.id(), "po_managed_router", "ps_managed_router",
            Map.of("routerModel", "CPE-4300"));
    private final ChangeOrders.ProductTree tree = new ChangeOrders.ProductTree(bundle, Map.of(bundle.id(), List.of(fiber, router)));

    @Test
    void aChangedMemberIsModifyAndTheRestOfItsTreeNoChangeEachOnItsProductAndBaseline() {
        assertEquals(new io.cpqoms.catalog.api.ConfigurationRequest("po_connectivity_bundle", BigDecimal.ONE, Map.of(), List.of(
                        new io.cpqoms.catalog.api.ConfigurationRequest("po_enterprise_fiber", BigDecimal.ONE,
                                Map.of("bandwidthMbps", "1000", "siteId", "HQ"), List.of()),
                        new io.cpqoms.catalog.api.ConfigurationRequest("po_managed_router", BigDecimal.ONE,
                                Map.of("routerModel", "CPE-4300"), List.of()))),
                tree.desired(Map.of(fiber.id(), Map.of("bandwidthMbps", "1000")), Map.of()),
                "the change merged over the product as it is");

        List<LineDraft> lines = ChangeOrders.delta(tree, configured("1000"), "2");

        assertEquals(List.of(LineAction.NO_CHANGE, LineAction.MODIFY, LineAction.NO_CHANGE),
                lines.stream().map(LineDraft::action).toList());
        assertEquals(List.of("2", "2.1", "2.2"), lines.stream().map(LineDraft::lineNumber).toList());
        assertEquals(List.of(bundle.id(), fiber.id(), router.id()), lines.stream().map(LineDraft::productId).toList());
        assertEquals(lines.get(0).id(), lines.get(1).parentId());
        assertEquals(lines.get(0).id(), lines.get(2).parentId());
        assertNull(lines.get(0).parentId());
        assertEquals("1000", lines.get(1).characteristics().get("bandwidthMbps"));
        assertTrue(lines.stream().allMatch(l -> l.baselineVersion() == 0L), "computed from version 0 of each product");

        assertNull(ChangeOrders.delta(tree, configured("500"), "1"), "a tree as it is changes nothing");
    }

    @Test
    void aDisconnectTakesTheWholeTreeAsItIs() {
        List<LineDraft> lines = ChangeOrders.whole(tree, LineAction.DELETE, "1");

        assertEquals(3, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.action() == LineAction.DELETE));
        assertEquals(fiber.characteristics(), lines.get(1).characteristics());
        assertEquals(List.of(fiber.id()), ChangeOrders.whole(new ChangeOrders.ProductTree(fiber, Map.of()), LineAction.SUSPEND,
                "1").stream().map(LineDraft::productId).toList(), "a member on its own: its subtree only");
    }

    @Test
    void eachOrderTypeAllowsItsLineActions() {
        assertEquals(java.util.Set.of(LineAction.ADD), ChangeOrders.actions(OrderType.NEW));
        assertEquals(java.util.Set.of(LineAction.DELETE), ChangeOrders.actions(OrderType.DISCONNECT));
        assertTrue(ChangeOrders.actions(OrderType.CHANGE).containsAll(List.of(LineAction.ADD, LineAction.MODIFY,
                LineAction.DELETE, LineAction.NO_CHANGE)));
        assertEquals(LineAction.DELETE, ChangeOrders.defaultAction(OrderType.DISCONNECT, true));
        assertEquals(LineAction.MODIFY, ChangeOrders.defaultAction(OrderType.CHANGE, true));
        assertEquals(LineAction.ADD, ChangeOrders.defaultAction(OrderType.CHANGE, false));

        List<Violation> refused = ChangeOrders.actionsAllowed(OrderType.SUSPEND, List.of(LineAction.SUSPEND, LineAction.DELETE));
        assertEquals(1, refused.size());
        assertEquals("lines[1].action", refused.get(0).target());
        assertEquals(ChangeOrders.LINE_ACTION_NOT_ALLOWED, refused.get(0).rule());
        assertEquals(List.of("SUSPEND"), refused.get(0).allowedValues());
    }

    @Test
    void theBaseRefusesAStrangersProductAForbiddenStateAStaleBaselineAndAConflictingOrder() {
        LineDraft modify = ChangeOrders.delta(tree, configured("1000"), "1").get(1);
        Map<java.util.UUID, ProductAsset> products = Map.of(fiber.id(), fiber);
        assertEquals(List.of(), ChangeOrders.check(draft("CUST-1", "ACC-1", modify), products, Map.of()));

        assertEquals(List.of(ChangeOrders.PRODUCT_NOT_IN_ACCOUNT), codes(ChangeOrders.check(draft("CUST-2", "ACC-1", modify),
                products, Map.of())));
        assertEquals(List.of(ChangeOrders.PRODUCT_NOT_IN_ACCOUNT), codes(ChangeOrders.check(draft("CUST-1", "ACC-9", modify),
                products, Map.of())));
        assertEquals(List.of(ChangeOrders.CONFLICTING_ACTIVE_ORDER), codes(ChangeOrders.check(draft("CUST-1", "ACC-1", modify),
                products, Map.of(fiber.id(), "ORD-2026-0000001"))));

        LineDraft resume = ChangeOrders.whole(new ChangeOrders.ProductTree(fiber, Map.of()), LineAction.RESUME, "1").get(0);
        assertEquals(List.of(ChangeOrders.PRODUCT_STATE_FORBIDS_ACTION), codes(ChangeOrders.check(draft("CUST-1", "ACC-1", resume),
                products, Map.of())), "an ACTIVE product cannot be resumed");

        fiber.suspend(new ProductAsset.OrderRef(UUID.randomUUID(), "ORD-2026-0000002", UUID.randomUUID()), tick());
        assertEquals(List.of(ChangeOrders.PRODUCT_STATE_FORBIDS_ACTION),
                codes(ChangeOrders.check(draft("CUST-1", "ACC-1", ChangeOrders.whole(new ChangeOrders.ProductTree(fiber, Map.of()),
                        LineAction.SUSPEND, "1").get(0)), products, Map.of())), "a SUSPENDED product cannot be suspended");
        fiber.terminate(new ProductAsset.OrderRef(UUID.randomUUID(), "ORD-2026-0000003", UUID.randomUUID()),
                LocalDate.parse("2026-03-01"), tick());
        assertEquals(List.of(ChangeOrders.PRODUCT_STATE_FORBIDS_ACTION), codes(ChangeOrders.check(draft("CUST-1", "ACC-1", modify),
                products, Map.of())), "a TERMINATED product is changed no more");

        LineDraft stale = new LineDraft(modify.id(), null, null, "1", LineAction.MODIFY, modify.offeringId(), modify.offeringName(),
                modify.productSpecificationId(), BigDecimal.ONE, modify.characteristics(), null, router.id(), 7L);
        assertEquals(List.of(ChangeOrders.PRODUCT_CHANGED_SINCE_BASELINE), codes(ChangeOrders.check(draft("CUST-1", "ACC-1", stale),
                Map.of(router.id(), router), Map.of())));
    }

    @Test
    void aCompletedChangeOrderModifiesTheProductItNamesAndADisconnectTerminatesIt() {
        LineDraft modify = ChangeOrders.delta(new ChangeOrders.ProductTree(fiber, Map.of()),
                new ConfiguredProduct("po_enterprise_fiber", "Enterprise Fiber", "ps_fiber_access", BigDecimal.ONE,
                        Map.of("bandwidthMbps", "1000", "siteId", "HQ"), List.of()), "1").get(0);
        LinePrice price = new LinePrice(modify.id().toString(), "po_enterprise_fiber", BigDecimal.ONE, List.of(),
                BigDecimal.ZERO, List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("1299.0000"))));
        CustomerOrder change = complete(OrderType.CHANGE, modify.priced(price), new PriceSnapshot(UUID.randomUUID(),
                UUID.randomUUID(), clock, "USD", List.of(price), BigDecimal.ZERO, List.of()));

        assertEquals("1000", fiber.characteristics().get("bandwidthMbps"));
        assertEquals(price.recurringTotals(), fiber.recurringPrice());
        assertEquals(ProductStatus.ACTIVE, fiber.status());
        assertEquals(modify.id(), fiber.lastOrderLineId());
        List<OrderEvent> events = change.takeEvents().stream().map(CustomerOrder.Recorded::event).toList();
        OrderEvent.InstalledBaseUpdated updated = events.stream().filter(OrderEvent.InstalledBaseUpdated.class::isInstance)
                .map(OrderEvent.InstalledBaseUpdated.class::cast).findFirst().orElseThrow();
        assertEquals(1, updated.productChanges().size());
        assertEquals("PRODUCT_INVENTORY_MODIFIED", updated.productChanges().get(0).action());
        assertTrue(updated.productChanges().get(0).published() instanceof InventoryIntegrationEvent.ProductUpdated);
        assertTrue(change.takeCreated().stream().noneMatch(ProductAsset.class::isInstance), "no new product");
        assertTrue(change.items().stream().map(FulfillmentItem::itemType).toList()
                .containsAll(List.of("BANDWIDTH_CHANGE", "BILLING_CHANGE")), "the catalog's MODIFY steps");

        LineDraft delete = ChangeOrders.whole(new ChangeOrders.ProductTree(fiber, Map.of()), LineAction.DELETE, "1").get(0);
        CustomerOrder disconnect = complete(OrderType.DISCONNECT, delete, null);
        assertEquals(ProductStatus.TERMINATED, fiber.status());
        assertEquals(disconnect.completedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(), fiber.endDate());
        assertTrue(disconnect.items().stream().map(FulfillmentItem::itemType).toList().contains("BILLING_STOP"));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private CustomerOrder complete(OrderType type, LineDraft line, PriceSnapshot price) {
        OrderDraft draft = new OrderDraft(type, "CUST-1", "ACC-1", UUID.randomUUID(), null, null, null, null, null, null, null,
                null, price, List.of(line));
        CustomerOrder order = CustomerOrder.capture(UUID.randomUUID(), "acme", "ORD-2026-0000100", draft, "fp", "alice", null,
                tick());
        order.productsLoaded(Map.of(fiber.id(), fiber));
        order.validate(OrderValidation.validate(draft, null, List.of(), null,
                ChangeOrders.check(draft, Map.of(fiber.id(), fiber), Map.of())), "alice", tick());
        order.plan(DemoCatalog.specifications(), tick());
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

    private ConfiguredProduct configured(String bandwidth) {
        return new ConfiguredProduct("po_connectivity_bundle", "Connectivity Bundle", "ps_connectivity_bundle", BigDecimal.ONE,
                Map.of(), List.of(new ConfiguredProduct("po_enterprise_fiber", "Enterprise Fiber", "ps_fiber_access",
                        BigDecimal.ONE, Map.of("bandwidthMbps", bandwidth, "siteId", "HQ"), List.of()),
                new ConfiguredProduct("po_managed_router", "Managed Router", "ps_managed_router", BigDecimal.ONE,
                        Map.of("routerModel", "CPE-4300"), List.of())));
    }

    private static OrderDraft draft(String customer, String account, LineDraft line) {
        return new OrderDraft(OrderType.CHANGE, customer, account, UUID.randomUUID(), null, null, null, null, null, null, null,
                null, null, List.of(line));
    }

    private static List<String> codes(List<ValidationCheck> findings) {
        return findings.stream().map(ValidationCheck::code).toList();
    }

    private static ProductAsset asset(UUID parent, String offering, String spec, Map<String, String> characteristics) {
        return ProductAsset.install(new ProductAsset.Installation(UUID.randomUUID(), "acme", "CUST-1", "ACC-1", parent, offering,
                offering, spec, BigDecimal.ONE, characteristics, "USD", List.of(), LocalDate.parse("2026-01-10"),
                new ProductAsset.OrderRef(UUID.randomUUID(), "ORD-2026-0000001", UUID.randomUUID()), null, null, null), SOLD);
    }

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }
}
