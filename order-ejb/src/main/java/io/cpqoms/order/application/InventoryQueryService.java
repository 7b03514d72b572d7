package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.InventoryQueries;
import io.cpqoms.order.api.ProductInventoryPage;
import io.cpqoms.order.api.ProductInventoryQuery;
import io.cpqoms.order.api.ProductInventoryView;
import io.cpqoms.order.domain.ProductAsset;
import io.cpqoms.order.domain.ProductInventory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Installed-base reads (seed 002 section 23): the tenant's products newest first, keyset-paged, and
 * one product with its bundle's children. A cursor carries the filters it was made with, so it cannot
 * continue another list.
 */
@Stateless
public class InventoryQueryService implements InventoryQueries {

    @Inject
    private ProductInventory inventory;

    @Override
    public ProductInventoryPage products(CommandContext context, ProductInventoryQuery query) {
        if (query.limit() < 1 || query.limit() > OrderQueryService.MAX_PAGE_SIZE) {
            throw DomainException.invalidInput(OrderQueryService.INVALID_PAGE, "limit must be between 1 and "
                    + OrderQueryService.MAX_PAGE_SIZE + ".");
        }
        String filters = (query.customerId() == null ? "" : query.customerId()) + "|"
                + (query.status() == null ? "" : query.status().name());
        Cursor after = query.after() == null ? null : Cursor.parse(query.after(), filters);
        List<ProductAsset> found = inventory.list(context.tenantId(), query.customerId(), query.status(),
                after == null ? null : after.at(), after == null ? null : after.id(), query.limit() + 1);
        List<ProductAsset> page = found.stream().limit(query.limit()).toList();
        ProductAsset last = found.size() > query.limit() ? page.get(page.size() - 1) : null;
        List<UUID> ids = page.stream().map(ProductAsset::id).toList();
        Map<UUID, List<UUID>> children = inventory.children(context.tenantId(), ids);
        Map<UUID, List<ProductInventoryView.BillingTriggerRef>> billing = inventory.billingTriggers(context.tenantId(), ids);
        return new ProductInventoryPage(page.stream().map(a -> a.view(children.getOrDefault(a.id(), List.of()),
                        billing.getOrDefault(a.id(), List.of()))).toList(),
                last == null ? null : new Cursor(last.createdAt(), last.id()).encoded(filters));
    }

    @Override
    public ProductInventoryView product(CommandContext context, UUID productId) {
        ProductAsset asset = inventory.product(context.tenantId(), productId);
        return asset.view(inventory.children(context.tenantId(), List.of(asset.id())).getOrDefault(asset.id(), List.of()),
                inventory.billingTriggers(context.tenantId(), List.of(asset.id())).getOrDefault(asset.id(), List.of()));
    }

    /** A keyset position with the filters of its list, opaque to clients. */
    private record Cursor(Instant at, UUID id) {

        static Cursor parse(String encoded, String filters) {
            String[] parts;
            try {
                parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
            } catch (RuntimeException e) {
                throw invalid();
            }
            if (parts.length != 3 || !parts[2].equals(Integer.toHexString(filters.hashCode()))) {
                throw invalid();
            }
            try {
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw invalid();
            }
        }

        private static DomainException invalid() {
            return DomainException.invalidInput(OrderQueryService.INVALID_PAGE,
                    "The cursor is not one this list returned with these filters.");
        }

        String encoded(String filters) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + "|" + id + "|" + Integer.toHexString(filters.hashCode()))
                            .getBytes(StandardCharsets.UTF_8));
        }
    }
}
