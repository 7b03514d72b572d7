package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.FulfillmentStepSpecification;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Decomposition (seed 000, sections 11-12): the commercial line tree becomes a fulfillment plan from
 * the fulfillment metadata of the order's pinned catalog version (data, not code). It is a pure
 * function: the same lines and the same version always give the same items, ids and dependencies.
 * A step's dependencies name item types; they resolve to the items of those types in the same line
 * tree (a bundle with its children), and a type the tree does not produce is no dependency.
 */
public final class Decomposition {

    public static final String SPECIFICATION_MISSING = "DECOMPOSITION_SPECIFICATION_MISSING";
    public static final String DEPENDENCY_CYCLE = "DECOMPOSITION_DEPENDENCY_CYCLE";

    /** An order line as decomposition reads it (lines come parents first). */
    public record PlanLine(UUID id, UUID parentId, String lineNumber, LineAction action, String productSpecificationId,
                           String offeringId, String quantity, Map<String, String> characteristics) {
    }

    /** One item of the plan. */
    public record PlannedItem(UUID id, UUID orderLineId, int sequence, String itemType, String responsibleSystem,
                              LineAction action, String compensationAction, int maxRetries, Set<UUID> dependsOn,
                              Map<String, String> input, Duration expectedDuration, String milestone) {

        /** The same item with its expected duration on another time scale (the order's SLA settings). */
        public PlannedItem scaled(double timeScale) {
            return expectedDuration == null || timeScale == 1.0 ? this : new PlannedItem(id, orderLineId, sequence, itemType,
                    responsibleSystem, action, compensationAction, maxRetries, dependsOn, input,
                    Duration.ofMillis(Math.max(1, Math.round(expectedDuration.toMillis() * timeScale))), milestone);
        }
    }

    private Decomposition() {
    }

    public static List<PlannedItem> plan(UUID orderId, List<PlanLine> lines, Map<String, ProductSpecification> specifications) {
        Map<UUID, PlanLine> byId = new HashMap<>();
        lines.forEach(l -> byId.put(l.id(), l));
        List<Violation> problems = new ArrayList<>();
        // items per root line, in line order then step order
        Map<UUID, List<Draft>> trees = new LinkedHashMap<>();
        int sequence = 0;
        for (PlanLine line : lines) {
            ProductSpecification specification = specifications.get(line.productSpecificationId());
            if (specification == null) {
                problems.add(new Violation(SPECIFICATION_MISSING, "lines[" + line.lineNumber() + "]",
                        "Specification '" + line.productSpecificationId() + "' is not in the order's catalog version."));
                continue;
            }
            UUID root = root(line, byId);
            for (FulfillmentStepSpecification step : specification.fulfillmentSteps(line.action())) {
                UUID id = UUID.nameUUIDFromBytes((orderId + "/" + line.id() + "/" + step.itemType())
                        .getBytes(StandardCharsets.UTF_8));
                trees.computeIfAbsent(root, r -> new ArrayList<>()).add(new Draft(id, line, step, ++sequence));
            }
        }
        if (!problems.isEmpty()) {
            throw DomainException.ruleViolation("The order cannot be decomposed.", problems);
        }
        List<PlannedItem> plan = new ArrayList<>();
        for (List<Draft> tree : trees.values()) {
            Map<UUID, Set<UUID>> edges = new LinkedHashMap<>();
            for (Draft item : tree) {
                Set<UUID> dependsOn = new LinkedHashSet<>();
                for (String type : item.step().dependsOn()) {
                    tree.stream().filter(other -> other.step().itemType().equals(type) && !other.id().equals(item.id()))
                            .forEach(other -> dependsOn.add(other.id()));
                }
                edges.put(item.id(), dependsOn);
            }
            checkAcyclic(tree, edges);
            for (Draft item : tree) {
                plan.add(new PlannedItem(item.id(), item.line().id(), item.sequence(), item.step().itemType(),
                        item.step().responsibleSystem(), item.line().action(), item.step().compensationAction(),
                        item.step().retryBudget(), edges.get(item.id()), input(item.line()), item.step().duration(),
                        item.step().milestone() == null ? null : item.step().milestone().name()));
            }
        }
        plan.sort(java.util.Comparator.comparingInt(PlannedItem::sequence));
        return plan;
    }

    private record Draft(UUID id, PlanLine line, FulfillmentStepSpecification step, int sequence) {
    }

    private static UUID root(PlanLine line, Map<UUID, PlanLine> byId) {
        PlanLine current = line;
        while (current.parentId() != null && byId.containsKey(current.parentId())) {
            current = byId.get(current.parentId());
        }
        return current.id();
    }

    private static Map<String, String> input(PlanLine line) {
        Map<String, String> input = new LinkedHashMap<>();
        input.put("lineNumber", line.lineNumber());
        input.put("offeringId", line.offeringId());
        input.put("productSpecificationId", line.productSpecificationId());
        input.put("quantity", line.quantity());
        new java.util.TreeMap<>(line.characteristics()).forEach((k, v) -> input.put("characteristic." + k, v));
        return input;
    }

    private static void checkAcyclic(List<Draft> tree, Map<UUID, Set<UUID>> edges) {
        Map<UUID, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        Map<UUID, Draft> byId = new HashMap<>();
        tree.forEach(d -> byId.put(d.id(), d));
        for (Draft start : tree) {
            List<UUID> path = new ArrayList<>();
            UUID cycleAt = visit(start.id(), edges, state, path);
            if (cycleAt != null) {
                List<String> names = path.subList(path.indexOf(cycleAt), path.size()).stream()
                        .map(id -> byId.get(id).step().itemType() + "@" + byId.get(id).line().lineNumber()).toList();
                throw DomainException.ruleViolation("The order cannot be decomposed.", List.of(new Violation(
                        DEPENDENCY_CYCLE, "lines[" + start.line().lineNumber() + "]",
                        "Fulfillment steps wait for each other: " + String.join(" after ", names) + ".")));
            }
        }
    }

    private static UUID visit(UUID node, Map<UUID, Set<UUID>> edges, Map<UUID, Integer> state, List<UUID> path) {
        Integer s = state.get(node);
        if (s != null) {
            return s == 1 ? node : null;
        }
        state.put(node, 1);
        path.add(node);
        for (UUID next : edges.getOrDefault(node, Set.of())) {
            UUID cycle = visit(next, edges, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return null;
    }
}
