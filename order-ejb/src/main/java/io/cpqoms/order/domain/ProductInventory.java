package io.cpqoms.order.domain;

import io.cpqoms.order.api.ProductStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where the installed base's assets are read. They are created and changed only by the order commands
 * that complete orders (stored with the order, {@link OrderRepository#save}); every read is scoped to
 * the tenant.
 */
public interface ProductInventory {

    String PRODUCT_NOT_FOUND = "PRODUCT_NOT_FOUND";

    /** The tenant's asset, or 404 PRODUCT_NOT_FOUND: another tenant's asset is indistinguishable from none. */
    ProductAsset product(String tenantId, UUID productId);

    /** Newest first on (created_at, asset_id) after a keyset position; at most {@code max} rows. */
    List<ProductAsset> list(String tenantId, String customerId, ProductStatus status, Instant afterCreated, UUID afterId,
                            int max);

    /** The ids of the children of these assets (bundle members), per parent, oldest first. */
    Map<UUID, List<UUID>> children(String tenantId, List<UUID> parentIds);

    /** The tenant's products among these ids, by id; an id of none (or of another tenant's) is absent. */
    Map<UUID, ProductAsset> products(String tenantId, Collection<UUID> productIds);

    /**
     * The product with its members that are not terminated, down the whole bundle tree, each level in the
     * order of the lines that created them.
     */
    ChangeOrders.ProductTree tree(ProductAsset root);
}
