package io.cpqoms.catalog.domain;

import static io.cpqoms.catalog.api.LineAction.ADD;
import static io.cpqoms.catalog.api.LineAction.DELETE;
import static io.cpqoms.catalog.api.LineAction.MODIFY;
import static io.cpqoms.catalog.api.LineAction.RESUME;
import static io.cpqoms.catalog.api.LineAction.SUSPEND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.CatalogDocument;
import io.cpqoms.catalog.api.FulfillmentStepSpecification;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.Violation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The fulfillment metadata rules of {@link CatalogRules}: complete steps, unique per action, no cycle. */
class FulfillmentStepRulesTest {

    private static final String STEPS = "productSpecifications[ps_fiber].fulfillmentSteps";

    private static FulfillmentStepSpecification step(LineAction action, String itemType, String... dependsOn) {
        return new FulfillmentStepSpecification(action, itemType, "system-" + itemType, List.of(dependsOn), null, null, null, null);
    }

    private static FulfillmentStepSpecification withRetries(FulfillmentStepSpecification s, Integer maxRetries) {
        return new FulfillmentStepSpecification(s.action(), s.itemType(), s.responsibleSystem(), s.dependsOn(),
                s.compensationAction(), maxRetries, null, null);
    }

    private static List<Violation> check(FulfillmentStepSpecification... steps) {
        ProductSpecification spec = new ProductSpecification("ps_fiber", "Fiber", null, null, List.of(), List.of(steps));
        return CatalogRules.check(new CatalogDocument(List.of(spec), List.of()));
    }

    private static List<String> rulesAndTargets(List<Violation> violations) {
        return violations.stream().map(v -> v.rule() + " @ " + v.target()).toList();
    }

    private static Violation only(List<Violation> violations) {
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        return violations.get(0);
    }

    @Test
    void aDependencyChainIsFine() {
        assertEquals(List.of(), check(
                step(ADD, "CIRCUIT"),
                step(ADD, "ROUTER", "CIRCUIT"),
                step(ADD, "BILLING", "CIRCUIT", "ROUTER")));
    }

    @Test
    void aDependencyOnATypeThisSpecificationDoesNotProduceIsAllowed() {
        // it names an item type of another line of the tree, or nothing: decomposition decides
        assertEquals(List.of(), check(step(ADD, "ROUTER_MANAGEMENT", "ROUTER_CONFIGURATION")));
    }

    @Test
    void anItemTypeIsDeclaredOncePerAction() {
        Violation v = only(check(step(ADD, "CIRCUIT"), step(ADD, "BILLING"), step(ADD, "CIRCUIT")));
        assertEquals(CatalogRules.FULFILLMENT_STEP_DUPLICATE, v.rule());
        assertEquals(STEPS + "[2]", v.target());
        assertTrue(v.message().contains("CIRCUIT") && v.message().contains("ADD"), v.message());
    }

    @Test
    void theSameItemTypeMayServeDifferentActions() {
        assertEquals(List.of(), check(step(ADD, "BILLING"), step(DELETE, "BILLING"), step(MODIFY, "BILLING")));
    }

    @Test
    void aStepCannotWaitForItself() {
        Violation v = only(check(step(ADD, "CIRCUIT"), step(ADD, "ROUTER", "ROUTER", "CIRCUIT")));
        assertEquals(CatalogRules.FULFILLMENT_DEPENDENCY_CYCLE, v.rule());
        assertEquals(STEPS, v.target());
        assertTrue(v.message().contains("ROUTER after ROUTER"), v.message());
    }

    @Test
    void aCycleThroughThreeStepsIsReportedOnceAndNamed() {
        Violation v = only(check(step(ADD, "A", "B"), step(ADD, "B", "C"), step(ADD, "C", "A")));
        assertEquals(CatalogRules.FULFILLMENT_DEPENDENCY_CYCLE, v.rule());
        assertEquals(STEPS, v.target());
        assertTrue(v.message().contains("for ADD"), v.message());
        assertTrue(v.message().contains("A after B after C after A"), v.message());
    }

    @Test
    void aCycleReachedFromAnAcyclicStepNamesOnlyTheCycle() {
        Violation v = only(check(step(ADD, "START", "A"), step(ADD, "A", "B"), step(ADD, "B", "A")));
        assertEquals(CatalogRules.FULFILLMENT_DEPENDENCY_CYCLE, v.rule());
        assertTrue(v.message().contains("cycle: A after B after A."), v.message());
    }

    @Test
    void independentCyclesAreEachReported() {
        List<Violation> violations = check(step(ADD, "A", "B"), step(ADD, "B", "A"), step(ADD, "C", "D"),
                step(ADD, "D", "C"));
        assertEquals(List.of(CatalogRules.FULFILLMENT_DEPENDENCY_CYCLE, CatalogRules.FULFILLMENT_DEPENDENCY_CYCLE),
                violations.stream().map(Violation::rule).toList());
    }

    @Test
    void dependenciesAreResolvedWithinOneAction() {
        // A waits for B when added, B waits for A when deleted: two graphs, no cycle
        assertEquals(List.of(), check(step(ADD, "A", "B"), step(ADD, "B"), step(DELETE, "B", "A"), step(DELETE, "A")));
    }

    @Test
    void theRetryBudgetCannotBeNegative() {
        Violation v = only(check(step(ADD, "CIRCUIT"), withRetries(step(ADD, "ROUTER"), -1)));
        assertEquals(CatalogRules.FULFILLMENT_RETRY_BUDGET_INVALID, v.rule());
        assertEquals(STEPS + "[1].maxRetries", v.target());
    }

    @Test
    void noRetriesAndTheDefaultBudgetAreFine() {
        assertEquals(List.of(), check(withRetries(step(ADD, "A"), 0), withRetries(step(ADD, "B"), null)));
        assertEquals(FulfillmentStepSpecification.DEFAULT_MAX_RETRIES, step(ADD, "B").retryBudget());
        assertEquals(0, withRetries(step(ADD, "A"), 0).retryBudget());
    }

    @Test
    void actionItemTypeAndResponsibleSystemAreRequired() {
        List<Violation> violations = check(
                new FulfillmentStepSpecification(null, "CIRCUIT", "network", List.of(), null, 3, null, null),
                new FulfillmentStepSpecification(ADD, " ", "network", List.of(), null, 3, null, null),
                new FulfillmentStepSpecification(ADD, "ROUTER", null, List.of(), null, 3, null, null));

        assertEquals(List.of(
                CatalogRules.REQUIRED_FIELD_MISSING + " @ " + STEPS + "[0].action",
                CatalogRules.REQUIRED_FIELD_MISSING + " @ " + STEPS + "[1].itemType",
                CatalogRules.REQUIRED_FIELD_MISSING + " @ " + STEPS + "[2].responsibleSystem"),
                rulesAndTargets(violations));
    }

    @Test
    void incompleteStepsDoNotCountAsDuplicates() {
        List<Violation> violations = check(
                new FulfillmentStepSpecification(null, "CIRCUIT", "network", List.of(), null, 3, null, null),
                new FulfillmentStepSpecification(null, "CIRCUIT", "network", List.of(), null, 3, null, null));
        assertEquals(List.of(CatalogRules.REQUIRED_FIELD_MISSING, CatalogRules.REQUIRED_FIELD_MISSING),
                violations.stream().map(Violation::rule).toList());
    }

    @Test
    void everyStepProblemIsReportedAtOnce() {
        List<Violation> violations = check(
                withRetries(step(ADD, "A"), -2),
                step(ADD, "A"),
                new FulfillmentStepSpecification(ADD, "B", "", List.of(), null, null, null, null),
                step(ADD, "C", "D"),
                step(ADD, "D", "C"));
        assertEquals(List.of(
                CatalogRules.FULFILLMENT_RETRY_BUDGET_INVALID + " @ " + STEPS + "[0].maxRetries",
                CatalogRules.FULFILLMENT_STEP_DUPLICATE + " @ " + STEPS + "[1]",
                CatalogRules.REQUIRED_FIELD_MISSING + " @ " + STEPS + "[2].responsibleSystem",
                CatalogRules.FULFILLMENT_DEPENDENCY_CYCLE + " @ " + STEPS),
                rulesAndTargets(violations));
    }

    @Test
    void aCycleThroughTheSecondOfTwoDuplicateStepsIsReportedWithTheDuplicate() {
        List<Violation> violations = check(step(ADD, "A"), step(ADD, "B", "A"), step(ADD, "A", "B"));
        assertEquals(List.of(
                CatalogRules.FULFILLMENT_STEP_DUPLICATE + " @ " + STEPS + "[2]",
                CatalogRules.FULFILLMENT_DEPENDENCY_CYCLE + " @ " + STEPS),
                rulesAndTargets(violations));
    }

    @Test
    void aCycleThroughTheFirstOfTwoDuplicateStepsIsReportedToo() {
        // one answer should list everything to fix: the duplicate and the cycle A -> B -> A of the first declaration
        List<Violation> violations = check(step(ADD, "A", "B"), step(ADD, "B", "A"), step(ADD, "A"));
        assertEquals(List.of(
                CatalogRules.FULFILLMENT_STEP_DUPLICATE + " @ " + STEPS + "[2]",
                CatalogRules.FULFILLMENT_DEPENDENCY_CYCLE + " @ " + STEPS),
                rulesAndTargets(violations));
    }

    @Test
    void theDemoCatalogsFulfillmentMetadataPasses() {
        CatalogDocument demo = InMemoryCatalog.demoDocument();
        assertEquals(List.of(), CatalogRules.check(demo));

        ProductSpecification fiber = demo.productSpecifications().stream()
                .filter(s -> s.id().equals("ps_fiber_access")).findFirst().orElseThrow();
        Map<String, List<String>> dependsOn = fiber.fulfillmentSteps(ADD).stream()
                .collect(Collectors.toMap(FulfillmentStepSpecification::itemType, FulfillmentStepSpecification::dependsOn,
                        (a, b) -> a, java.util.LinkedHashMap::new));
        assertEquals(List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION", "ROUTER_SHIPMENT", "ROUTER_CONFIGURATION",
                "SLA_MONITORING_SETUP", "BILLING_ACTIVATION"), List.copyOf(dependsOn.keySet()));
        assertEquals(List.of("ROUTER_SHIPMENT", "ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION"),
                dependsOn.get("ROUTER_CONFIGURATION"));
        assertEquals(List.of("ROUTER_CONFIGURATION"), dependsOn.get("SLA_MONITORING_SETUP"));
        assertEquals(5, dependsOn.get("BILLING_ACTIVATION").size());
        // a disconnect: deprovision once the tree's managed services are off-boarded, then release the IP
        // addresses, take the router back and stop billing
        assertEquals(List.of("ACCESS_CIRCUIT_DEPROVISIONING", "IP_RELEASE", "ROUTER_RETURN", "BILLING_STOP"),
                fiber.fulfillmentSteps(DELETE).stream().map(FulfillmentStepSpecification::itemType).toList());
        assertTrue(fiber.fulfillmentSteps(DELETE).stream().skip(1)
                .allMatch(s -> s.dependsOn().equals(List.of("ACCESS_CIRCUIT_DEPROVISIONING"))));
        // a bandwidth change: the circuit, then billing
        assertEquals(List.of("BANDWIDTH_CHANGE", "BILLING_CHANGE"),
                fiber.fulfillmentSteps(MODIFY).stream().map(FulfillmentStepSpecification::itemType).toList());
        for (LineAction action : List.of(SUSPEND, RESUME)) {
            assertEquals(2, fiber.fulfillmentSteps(action).size(), action + ": the service, then billing");
        }
        assertTrue(fiber.fulfillmentSteps().stream().allMatch(s -> s.retryBudget() == 3));
    }
}
