package io.cpqoms.order.domain;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.order.domain.Decomposition.PlannedItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fulfillment items built straight from planned items, for the item and plan tests. */
final class Items {

    static final UUID ORDER = UUID.fromString("0000000a-0000-0000-0000-0000000000f1");
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final UUID LINE_1 = id("line 1");
    static final UUID LINE_2 = id("line 2");

    private Items() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    static PlannedItem planned(UUID line, int sequence, String itemType, FulfillmentItem... dependsOn) {
        LinkedHashSet<UUID> deps = new LinkedHashSet<>();
        for (FulfillmentItem d : dependsOn) {
            deps.add(d.id());
        }
        Map<String, String> input = new LinkedHashMap<>();
        input.put("lineNumber", "1");
        input.put("characteristic.siteId", "SITE-1");
        return new PlannedItem(id(line + "/" + itemType), line, sequence, itemType, "network-provisioning",
                LineAction.ADD, "UNDO_" + itemType, 3, deps, input, null, null);
    }

    static FulfillmentItem item(UUID line, int sequence, String itemType, FulfillmentItem... dependsOn) {
        return new FulfillmentItem(ORDER, planned(line, sequence, itemType, dependsOn), NOW);
    }

    static FulfillmentItem item(int sequence, String itemType, FulfillmentItem... dependsOn) {
        return item(LINE_1, sequence, itemType, dependsOn);
    }

    /** Dispatches and completes the item, as a worker's report would. */
    static FulfillmentItem done(FulfillmentItem item) {
        item.dispatch("tenant", "ORD-1", NOW);
        item.complete(item.externalRequestId(), "REF-" + item.itemType(), Map.of(), NOW);
        return item;
    }

    static FulfillmentItem started(FulfillmentItem item) {
        item.dispatch("tenant", "ORD-1", NOW);
        return item;
    }

    static FulfillmentItem failed(FulfillmentItem item) {
        item.dispatch("tenant", "ORD-1", NOW);
        item.fail(item.externalRequestId(), "RESOURCE_UNAVAILABLE", "no port", NOW);
        return item;
    }

    static List<String> types(List<FulfillmentItem> items) {
        return items.stream().map(FulfillmentItem::itemType).toList();
    }
}
