package io.cpqoms.order.domain;

import io.cpqoms.order.api.FulfillmentItemStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The persisted plan of one order read as a whole: what is ready, what each line amounts to, whether all is done. */
public final class FulfillmentPlan {

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
