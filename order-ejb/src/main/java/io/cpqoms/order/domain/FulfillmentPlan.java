package io.cpqoms.order.domain;

import io.cpqoms.order.api.FulfillmentItemStatus;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The persisted plan of one order read as a whole: what is ready, what each line amounts to, whether all is done. */
public final class FulfillmentPlan {

    /** The responsible system whose items are the billing condition of their line (docs/billing.md). */
    public static final String BILLING_SYSTEM = "billing";

    private final List<FulfillmentItem> items;

    public FulfillmentPlan(List<FulfillmentItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(FulfillmentItem::sequence)).toList();
    }

    public List<FulfillmentItem> items() {
        return items;
    }

    /** Pending items whose dependencies have all completed, in plan order. */
    public List<FulfillmentItem> ready() {
        Map<UUID, FulfillmentItemStatus> statuses = new HashMap<>();
        items.forEach(i -> statuses.put(i.id(), i.status()));
        return items.stream().filter(i -> i.readyGiven(statuses)).toList();
    }

    /** Whether every item is done: completed, or waived by operations. */
    public boolean allCompleted() {
        return items.stream().allMatch(FulfillmentItem::done);
    }

    /**
     * The plan's critical path: the longest chain of expected durations through the dependencies, how
     * long the whole plan takes when each item takes its expected time; zero if no item declares one.
     */
    public Duration criticalPath() {
        Map<UUID, FulfillmentItem> byId = new HashMap<>();
        items.forEach(i -> byId.put(i.id(), i));
        Map<UUID, Duration> finish = new HashMap<>();
        Duration longest = Duration.ZERO;
        for (FulfillmentItem item : items) {
            Duration end = finish(item, byId, finish);
            longest = end.compareTo(longest) > 0 ? end : longest;
        }
        return longest;
    }

    private static Duration finish(FulfillmentItem item, Map<UUID, FulfillmentItem> byId, Map<UUID, Duration> finish) {
        Duration known = finish.get(item.id());
        if (known != null) {
            return known;
        }
        Duration start = Duration.ZERO;
        for (UUID dependency : item.dependsOn()) {
            FulfillmentItem before = byId.get(dependency);
            if (before != null) {
                Duration end = finish(before, byId, finish); // the plan is acyclic (decomposition checks it)
                start = end.compareTo(start) > 0 ? end : start;
            }
        }
        Duration end = start.plus(item.expectedDuration() == null ? Duration.ZERO : item.expectedDuration());
        finish.put(item.id(), end);
        return end;
    }

    /** The item milestones (catalog metadata) every item naming them has reached: done, or waived. */
    public List<String> milestonesReached() {
        Map<String, Boolean> reached = new LinkedHashMap<>();
        items.stream().filter(i -> i.milestone() != null)
                .forEach(i -> reached.merge(i.milestone(), i.done(), Boolean::logicalAnd));
        return reached.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    public Optional<FulfillmentItem> item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }

    /** Whether an item has failed and waits for a person. */
    public boolean anyFailed() {
        return items.stream().anyMatch(i -> i.status() == FulfillmentItemStatus.FAILED);
    }

    /**
     * Completed items whose dependents have all been cancelled or compensated, in reverse plan order:
     * work is reversed in the opposite order it was done (billing before the circuit it bills).
     */
    public List<FulfillmentItem> compensable() {
        return items.stream().filter(i -> i.status() == FulfillmentItemStatus.COMPLETED)
                .filter(i -> items.stream().filter(d -> d.dependsOn().contains(i.id())).allMatch(FulfillmentItem::settled))
                .sorted(Comparator.comparingInt(FulfillmentItem::sequence).reversed()).toList();
    }

    /** Whether every item is cancelled or compensated: a cancelled order needs nothing more. */
    public boolean settled() {
        return items.stream().allMatch(FulfillmentItem::settled);
    }

    /** Items whose work is done or under way and has no compensation: past them, an order cannot be cancelled. */
    public List<FulfillmentItem> irreversible() {
        return items.stream().filter(FulfillmentItem::irreversible).toList();
    }

    /**
     * What each line's billing waits for: its items on the billing system, or all its items when it
     * has none there; a line without items of its own is not in the map.
     */
    public Map<UUID, List<FulfillmentItem>> billingItemsByLine() {
        Map<UUID, List<FulfillmentItem>> byLine = new LinkedHashMap<>();
        items.forEach(i -> byLine.computeIfAbsent(i.orderLineId(), l -> new java.util.ArrayList<>()).add(i));
        byLine.replaceAll((line, lineItems) -> {
            List<FulfillmentItem> billing = lineItems.stream().filter(i -> BILLING_SYSTEM.equals(i.responsibleSystem())).toList();
            return billing.isEmpty() ? lineItems : billing;
        });
        return byLine;
    }

    /** Each line's fulfillment status: failed if any item failed, completed if all did, else in progress or pending. */
    public Map<UUID, FulfillmentItemStatus> lineSummaries() {
        Map<UUID, List<FulfillmentItem>> byLine = new LinkedHashMap<>();
        items.forEach(i -> byLine.computeIfAbsent(i.orderLineId(), l -> new java.util.ArrayList<>()).add(i));
        Map<UUID, FulfillmentItemStatus> summaries = new HashMap<>();
        byLine.forEach((line, lineItems) -> summaries.put(line, summary(lineItems)));
        return summaries;
    }

    private static FulfillmentItemStatus summary(List<FulfillmentItem> lineItems) {
        return combine(lineItems.stream().map(FulfillmentItem::status).toList());
    }

    /**
     * One status for several: failed if any failed (or failed to compensate), completed if all (or
     * none) completed or were waived, cancelled if all were cancelled or compensated, else in progress or pending.
     */
    public static FulfillmentItemStatus combine(List<FulfillmentItemStatus> statuses) {
        if (statuses.contains(FulfillmentItemStatus.FAILED) || statuses.contains(FulfillmentItemStatus.COMPENSATION_FAILED)) {
            return FulfillmentItemStatus.FAILED;
        }
        if (statuses.stream().allMatch(FulfillmentItem::done)) {
            return FulfillmentItemStatus.COMPLETED;
        }
        if (statuses.stream().allMatch(s -> s == FulfillmentItemStatus.CANCELLED || s == FulfillmentItemStatus.COMPENSATED)) {
            return FulfillmentItemStatus.CANCELLED;
        }
        if (statuses.stream().allMatch(s -> s == FulfillmentItemStatus.PENDING)) {
            return FulfillmentItemStatus.PENDING;
        }
        return FulfillmentItemStatus.IN_PROGRESS;
    }
}
