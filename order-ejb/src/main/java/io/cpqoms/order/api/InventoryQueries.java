package io.cpqoms.order.api;

import io.cpqoms.kernel.CommandContext;
import jakarta.ejb.Local;
import java.util.UUID;

/** The installed base as it reads: the caller's tenant only; another tenant's product does not exist. */
@Local
public interface InventoryQueries {

    /** The tenant's products, newest first; {@code next} continues the list with the same filters. */
    ProductInventoryPage products(CommandContext context, ProductInventoryQuery query);

    /** One product, or 404 PRODUCT_NOT_FOUND. */
    ProductInventoryView product(CommandContext context, UUID productId);
}
