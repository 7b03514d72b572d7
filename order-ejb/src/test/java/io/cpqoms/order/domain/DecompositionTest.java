package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.FulfillmentStepSpecification;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.domain.Decomposition.PlanLine;
import io.cpqoms.order.domain.Decomposition.PlannedItem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DecompositionTest {

    private static final UUID ORDER = UUID.fromString("0000000a-0000-0000-0000-000000000001");
    private static final Map<String, ProductSpecification> DEMO = DemoCatalog.specifications();

    private static final List<String> FIBER_TYPES = List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION",
            "ROUTER_SHIPMENT", "ROUTER_CONFIGURATION", "SLA_MONITORING_SETUP", "BILLING_ACTIVATION");

    // --- lines ------------------------------------------------------------------------------

    private static UUID lineId(String lineNumber) {
        return UUID.nameUUIDFromBytes(("line " + lineNumber).getBytes(StandardCharsets.UTF_8));
    }

    private static PlanLine line(String lineNumber, String parentNumber, String specificationId, Map<String, String> characteristics) {
        return new PlanLine(lineId(lineNumber), parentNumber == null ? null : lineId(parentNumber), lineNumber,
                LineAction.ADD, specificationId, "po_" + specificationId, "1", characteristics);
    }

    private static PlanLine root(String lineNumber, String specificationId) {
        return line(lineNumber, null, specificationId, Map.of());
    }

    private static PlanLine child(String lineNumber, String parentNumber, String specificationId) {
        return line(lineNumber, parentNumber, specificationId, Map.of());
    }

    private static PlanLine withAction(PlanLine l, LineAction action) {
        return new PlanLine(l.id(), l.parentId(), l.lineNumber(), action, l.productSpecificationId(), l.offeringId(),
                l.quantity(), l.characteristics());
    }

    private static List<PlannedItem> plan(PlanLine... lines) {
        return Decomposition.plan(ORDER, List.of(lines), DEMO);
    }

    // --- specifications built here ----------------------------------------------------------

    private static FulfillmentStepSpecification step(LineAction action, String itemType, String... dependsOn) {
        return new FulfillmentStepSpecification(action, itemType, "sys", List.of(dependsOn), null, null, null, null);
    }

    private static ProductSpecification spec(String id, FulfillmentStepSpecification... steps) {
        return new ProductSpecification(id, id, null, null, List.of(), List.of(steps));
    }

    private static Map<String, ProductSpecification> specs(ProductSpecification... specifications) {
        Map<String, ProductSpecification> byId = new HashMap<>();
        for (ProductSpecification s : specifications) {
            byId.put(s.id(), s);
        }
        return byId;
    }

    // --- reading a plan ---------------------------------------------------------------------

    private static String name(PlannedItem item, List<PlannedItem> plan) {
        String lineNumber = plan.stream().filter(i -> i.orderLineId().equals(item.orderLineId())).findFirst()
                .map(i -> i.input().get("lineNumber")).orElseThrow();
        return item.itemType() + "@" + lineNumber;
    }

    /** Each item by "TYPE@lineNumber", with the names of the items it depends on. */
    private static Map<String, Set<String>> dependencies(List<PlannedItem> plan) {
        Map<UUID, PlannedItem> byId = new HashMap<>();
        plan.forEach(i -> byId.put(i.id(), i));
        Map<String, Set<String>> named = new LinkedHashMap<>();
        for (PlannedItem item : plan) {
            named.put(name(item, plan), item.dependsOn().stream().map(id -> name(byId.get(id), plan))
                    .collect(Collectors.toSet()));
        }
        return named;
    }

    // --- one line ---------------------------------------------------------------------------

    @Test
    void theDemoFiberLineBecomesSixItemsInDeclaredOrder() {
        PlanLine fiber = line("1", null, DemoCatalog.FIBER, Map.of("siteId", "SITE-1"));
        List<PlannedItem> plan = plan(fiber);

        assertEquals(FIBER_TYPES, plan.stream().map(PlannedItem::itemType).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), plan.stream().map(PlannedItem::sequence).toList());
        assertTrue(plan.stream().allMatch(i -> i.orderLineId().equals(fiber.id())));
        assertTrue(plan.stream().allMatch(i -> i.action() == LineAction.ADD));
        assertTrue(plan.stream().allMatch(i -> i.maxRetries() == 3));
        assertEquals(List.of("network-provisioning", "ip-address-management", "logistics", "network-provisioning",
                "service-assurance", "billing"), plan.stream().map(PlannedItem::responsibleSystem).toList());
        assertEquals("RESET_ROUTER_CONFIGURATION", plan.get(3).compensationAction());
        assertEquals(6, plan.stream().map(PlannedItem::id).distinct().count());
    }

    @Test
    void theDemoFiberItemsWaitForExactlyTheirDeclaredDependencies() {
        Map<String, Set<String>> deps = dependencies(plan(line("1", null, DemoCatalog.FIBER, Map.of())));

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("ACCESS_CIRCUIT_PROVISIONING@1", Set.of());
        expected.put("IP_ALLOCATION@1", Set.of());
        expected.put("ROUTER_SHIPMENT@1", Set.of());
        expected.put("ROUTER_CONFIGURATION@1", Set.of("ROUTER_SHIPMENT@1", "ACCESS_CIRCUIT_PROVISIONING@1", "IP_ALLOCATION@1"));
        expected.put("SLA_MONITORING_SETUP@1", Set.of("ROUTER_CONFIGURATION@1"));
        expected.put("BILLING_ACTIVATION@1", Set.of("ACCESS_CIRCUIT_PROVISIONING@1", "IP_ALLOCATION@1",
                "ROUTER_SHIPMENT@1", "ROUTER_CONFIGURATION@1", "SLA_MONITORING_SETUP@1"));
        assertEquals(expected, deps);
    }

    @Test
    void theStepsOfTheLinesActionAreTheOnesPlanned() {
        Map<String, ProductSpecification> specs = specs(spec("ps_x",
                step(LineAction.ADD, "INSTALL"), step(LineAction.DELETE, "DECOMMISSION"),
                step(LineAction.DELETE, "STOP_BILLING", "DECOMMISSION")));
        PlanLine removal = withAction(root("1", "ps_x"), LineAction.DELETE);

        List<PlannedItem> plan = Decomposition.plan(ORDER, List.of(removal), specs);

        assertEquals(List.of("DECOMMISSION", "STOP_BILLING"), plan.stream().map(PlannedItem::itemType).toList());
        assertTrue(plan.stream().allMatch(i -> i.action() == LineAction.DELETE));
        assertEquals(Set.of(plan.get(0).id()), plan.get(1).dependsOn());
        assertEquals(List.of("ACCESS_CIRCUIT_DEPROVISIONING", "IP_RELEASE", "ROUTER_RETURN", "BILLING_STOP"),
                plan(withAction(root("1", DemoCatalog.FIBER), LineAction.DELETE)).stream().map(PlannedItem::itemType).toList(),
                "the demo fiber's disconnect");
        assertEquals(List.of(), plan(withAction(root("1", DemoCatalog.FIBER), LineAction.NO_CHANGE)),
                "a product kept as it is needs no work");
    }

    @Test
    void theInputPayloadCarriesTheLineAndItsCharacteristicsInOrder() {
        PlanLine fiber = new PlanLine(lineId("3"), null, "3", LineAction.ADD, DemoCatalog.FIBER, "po_enterprise_fiber",
                "2", Map.of("siteId", "SITE-9", "bandwidthMbps", "1000"));

        Map<String, String> input = plan(fiber).get(0).input();

        assertEquals(List.of("lineNumber", "offeringId", "productSpecificationId", "quantity",
                "characteristic.bandwidthMbps", "characteristic.siteId"), List.copyOf(input.keySet()));
        assertEquals(Map.of("lineNumber", "3", "offeringId", "po_enterprise_fiber", "productSpecificationId",
                DemoCatalog.FIBER, "quantity", "2", "characteristic.bandwidthMbps", "1000", "characteristic.siteId",
                "SITE-9"), input);
    }

    // --- determinism ------------------------------------------------------------------------

    @Test
    void theSameLinesGiveTheSamePlan() {
        PlanLine bundle = root("1", DemoCatalog.BUNDLE);
        PlanLine fiber = line("1.1", "1", DemoCatalog.FIBER, Map.of("siteId", "S"));
        PlanLine router = child("1.2", "1", DemoCatalog.MANAGED_ROUTER);

        List<PlannedItem> first = plan(bundle, fiber, router);
        List<PlannedItem> second = plan(bundle, fiber, router);

        assertEquals(first, second);
        assertEquals(first.stream().map(PlannedItem::id).toList(), second.stream().map(PlannedItem::id).toList());
    }

    @Test
    void anotherOrderGetsOtherItemIds() {
        PlanLine fiber = root("1", DemoCatalog.FIBER);
        List<PlannedItem> mine = Decomposition.plan(ORDER, List.of(fiber), DEMO);
        List<PlannedItem> theirs = Decomposition.plan(UUID.randomUUID(), List.of(fiber), DEMO);

        assertEquals(mine.stream().map(PlannedItem::itemType).toList(), theirs.stream().map(PlannedItem::itemType).toList());
        for (int i = 0; i < mine.size(); i++) {
            assertNotEquals(mine.get(i).id(), theirs.get(i).id());
        }
        assertTrue(theirs.stream().map(PlannedItem::id).noneMatch(id -> mine.stream().anyMatch(m -> m.id().equals(id))));
    }

    // --- line trees -------------------------------------------------------------------------

    @Test
    void aBundleTreeResolvesDependenciesAcrossItsLines() {
        List<PlannedItem> plan = plan(
                root("1", DemoCatalog.BUNDLE),
                child("1.1", "1", DemoCatalog.FIBER),
                child("1.2", "1", DemoCatalog.MANAGED_ROUTER),
                child("1.3", "1", DemoCatalog.SERVICE_LEVEL));

        assertEquals(10, plan.size(), "the bundle line itself has no steps");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), plan.stream().map(PlannedItem::sequence).toList());
        Map<String, Set<String>> deps = dependencies(plan);
        assertEquals(List.of("ACCESS_CIRCUIT_PROVISIONING@1.1", "IP_ALLOCATION@1.1", "ROUTER_SHIPMENT@1.1",
                "ROUTER_CONFIGURATION@1.1", "SLA_MONITORING_SETUP@1.1", "BILLING_ACTIVATION@1.1",
                "ROUTER_MANAGEMENT_ONBOARDING@1.2", "BILLING_ACTIVATION@1.2",
                "PREMIUM_SLA_ACTIVATION@1.3", "BILLING_ACTIVATION@1.3"), List.copyOf(deps.keySet()));
        assertEquals(Set.of("ROUTER_CONFIGURATION@1.1"), deps.get("ROUTER_MANAGEMENT_ONBOARDING@1.2"));
        assertEquals(Set.of("ROUTER_MANAGEMENT_ONBOARDING@1.2"), deps.get("BILLING_ACTIVATION@1.2"));
        assertEquals(Set.of("SLA_MONITORING_SETUP@1.1"), deps.get("PREMIUM_SLA_ACTIVATION@1.3"));
        assertEquals(Set.of("PREMIUM_SLA_ACTIVATION@1.3"), deps.get("BILLING_ACTIVATION@1.3"));
        assertEquals(5, deps.get("BILLING_ACTIVATION@1.1").size());
        assertTrue(deps.get("BILLING_ACTIVATION@1.1").stream().allMatch(d -> d.endsWith("@1.1")));
    }

    @Test
    void aBundleWithItsDerivedSlaMonitoringLineHasTwelveItems() {
        // a quoted bundle with the Premium SLA carries the SLA Monitoring child the catalog's rule derives (1.4)
        List<PlannedItem> plan = plan(
                root("1", DemoCatalog.BUNDLE),
                child("1.1", "1", DemoCatalog.FIBER),
                child("1.2", "1", DemoCatalog.MANAGED_ROUTER),
                child("1.3", "1", DemoCatalog.SERVICE_LEVEL),
                child("1.4", "1", DemoCatalog.SLA_MONITORING));

        assertEquals(12, plan.size());
        Map<String, Set<String>> deps = dependencies(plan);
        assertEquals(List.of("SLA_REPORTING_SETUP@1.4", "BILLING_ACTIVATION@1.4"),
                List.copyOf(deps.keySet()).subList(10, 12));
        assertEquals(Set.of("SLA_MONITORING_SETUP@1.1"), deps.get("SLA_REPORTING_SETUP@1.4"));
        assertEquals(Set.of("SLA_REPORTING_SETUP@1.4"), deps.get("BILLING_ACTIVATION@1.4"));
    }

    @Test
    void separateRootLinesDoNotWaitForEachOther() {
        List<PlannedItem> plan = plan(root("1", DemoCatalog.FIBER), root("2", DemoCatalog.MANAGED_ROUTER),
                root("3", DemoCatalog.SERVICE_LEVEL));
        Map<String, Set<String>> deps = dependencies(plan);

        assertEquals(Set.of(), deps.get("ROUTER_MANAGEMENT_ONBOARDING@2"));
        assertEquals(Set.of("ROUTER_MANAGEMENT_ONBOARDING@2"), deps.get("BILLING_ACTIVATION@2"));
        assertEquals(Set.of(), deps.get("PREMIUM_SLA_ACTIVATION@3"));
        for (String item : deps.keySet()) {
            String lineNumber = item.substring(item.indexOf('@') + 1);
            assertTrue(deps.get(item).stream().allMatch(d -> d.endsWith("@" + lineNumber)), () -> item + " " + deps.get(item));
        }
    }

    @Test
    void aDependencyOnATypeTheTreeLacksIsNoDependency() {
        // a managed router sold in a bundle without fiber: nothing in the tree configures the router
        List<PlannedItem> plan = plan(root("1", DemoCatalog.BUNDLE), child("1.1", "1", DemoCatalog.MANAGED_ROUTER));
        Map<String, Set<String>> deps = dependencies(plan);

        assertEquals(Set.of(), deps.get("ROUTER_MANAGEMENT_ONBOARDING@1.1"));
        assertEquals(Set.of("ROUTER_MANAGEMENT_ONBOARDING@1.1"), deps.get("BILLING_ACTIVATION@1.1"));
    }

    @Test
    void aChildWhoseParentIsNotInTheLinesIsItsOwnTree() {
        List<PlannedItem> plan = plan(root("1", DemoCatalog.FIBER), child("2.1", "2", DemoCatalog.MANAGED_ROUTER));
        assertEquals(Set.of(), dependencies(plan).get("ROUTER_MANAGEMENT_ONBOARDING@2.1"));
    }

    // --- refusals ---------------------------------------------------------------------------

    @Test
    void stepsOfTwoLinesWaitingForEachOtherAreACycle() {
        Map<String, ProductSpecification> specs = specs(spec("ps_bundle"),
                spec("ps_a", step(LineAction.ADD, "X", "Y")),
                spec("ps_b", step(LineAction.ADD, "Y", "X")));
        List<PlanLine> tree = List.of(root("1", "ps_bundle"), child("1.1", "1", "ps_a"), child("1.2", "1", "ps_b"));

        DomainException e = assertThrows(DomainException.class, () -> Decomposition.plan(ORDER, tree, specs));

        assertEquals(DomainException.Kind.RULE_VIOLATION, e.kind());
        assertEquals(Decomposition.DEPENDENCY_CYCLE, e.code());
        Violation v = e.violations().get(0);
        assertEquals("lines[1.1]", v.target());
        assertTrue(v.message().contains("X@1.1 after Y@1.2"), v.message());
    }

    @Test
    void theSameSpecificationsAsSeparateLinesAreNoCycle() {
        Map<String, ProductSpecification> specs = specs(
                spec("ps_a", step(LineAction.ADD, "X", "Y")),
                spec("ps_b", step(LineAction.ADD, "Y", "X")));

        List<PlannedItem> plan = Decomposition.plan(ORDER, List.of(root("1", "ps_a"), root("2", "ps_b")), specs);

        assertEquals(2, plan.size());
        assertTrue(plan.stream().allMatch(i -> i.dependsOn().isEmpty()));
    }

    @Test
    void everyLineWithoutItsSpecificationIsReported() {
        List<PlanLine> lines = List.of(root("1", DemoCatalog.FIBER), root("2", "ps_gone"), root("3", "ps_lost"));

        DomainException e = assertThrows(DomainException.class, () -> Decomposition.plan(ORDER, lines, DEMO));

        assertEquals(Decomposition.SPECIFICATION_MISSING, e.code());
        assertEquals(List.of("lines[2]", "lines[3]"), e.violations().stream().map(Violation::target).toList());
        assertTrue(e.violations().get(0).message().contains("ps_gone"));
    }

    @Test
    void aPlanWithoutLinesIsEmpty() {
        assertEquals(List.of(), Decomposition.plan(ORDER, new ArrayList<>(), DEMO));
    }
}
