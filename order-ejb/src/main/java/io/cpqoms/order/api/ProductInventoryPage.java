package io.cpqoms.order.api;

import java.util.List;

/** One page of the installed base; {@code next} is the cursor of the following page, null on the last. */
public record ProductInventoryPage(List<ProductInventoryView> items, String next) {

    public ProductInventoryPage {
        items = List.copyOf(items);
    }
}
