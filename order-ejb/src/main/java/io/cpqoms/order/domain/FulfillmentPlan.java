package io.cpqoms.order.domain;

import io.cpqoms.order.api.FulfillmentItemStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public boolean allCompleted() {
        return items.stream().allMatch(i -> i.status() == FulfillmentItemStatus.COMPLETED);
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

    /** One status for several: failed if any failed, completed if all (or none) completed, else in progress or pending. */
    public static FulfillmentItemStatus combine(List<FulfillmentItemStatus> statuses) {
        if (statuses.contains(FulfillmentItemStatus.FAILED)) {
            return FulfillmentItemStatus.FAILED;
        }
        if (statuses.stream().allMatch(s -> s == FulfillmentItemStatus.COMPLETED)) {
            return FulfillmentItemStatus.COMPLETED;
        }
        if (statuses.stream().allMatch(s -> s == FulfillmentItemStatus.PENDING)) {
            return FulfillmentItemStatus.PENDING;
        }
        return FulfillmentItemStatus.IN_PROGRESS;
    }
}
