package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.InventoryIntegrationEvent;
import io.cpqoms.order.api.ProductStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The asset's status machine ACTIVE <-> SUSPENDED -> TERMINATED, and what each change records. */
class ProductAssetTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final ProductAsset.OrderRef CREATING = new ProductAsset.OrderRef(UUID.randomUUID(), "ORD-1", UUID.randomUUID());
    private static final ProductAsset.OrderRef CHANGING = new ProductAsset.OrderRef(UUID.randomUUID(), "ORD-2", UUID.randomUUID());

    @Test
    void aNewAssetIsActiveAndCreatedByItsLine() {
        ProductAsset asset = asset();
        assertEquals(ProductStatus.ACTIVE, asset.status());
        ProductAsset.Change created = asset.created();
        assertEquals("PRODUCT_INVENTORY_CREATED", created.action());
        assertEquals(CREATING.orderLineId(), asset.createdByOrderLineId());
        assertEquals(CREATING.orderLineId(), asset.lastOrderLineId());
        assertEquals("inventory.product-created.v1", created.published().type());
    }

    @Test
    void suspendResumeAndTerminateFollowTheStatusMachine() {
        ProductAsset asset = asset();
        ProductAsset.Change suspended = asset.suspend(CHANGING, NOW);
        assertEquals(ProductStatus.SUSPENDED, asset.status());
        assertEquals(CHANGING.orderLineId(), asset.lastOrderLineId());
        InventoryIntegrationEvent.ProductUpdated update = (InventoryIntegrationEvent.ProductUpdated) suspended.published();
        assertEquals("inventory.product-updated.v1", update.type());
        assertEquals(ProductStatus.ACTIVE, update.previousStatus());
        assertEquals(ProductStatus.SUSPENDED, update.status());
        assertEquals(code(() -> asset.suspend(CHANGING, NOW)), ProductAsset.PRODUCT_TRANSITION_NOT_ALLOWED);

        asset.resume(CHANGING, NOW);
        assertEquals(ProductStatus.ACTIVE, asset.status());
        assertEquals(code(() -> asset.resume(CHANGING, NOW)), ProductAsset.PRODUCT_TRANSITION_NOT_ALLOWED);

        asset.suspend(CHANGING, NOW);
        asset.terminate(CHANGING, LocalDate.parse("2026-06-30"), NOW);
        assertEquals(ProductStatus.TERMINATED, asset.status());
        assertEquals(LocalDate.parse("2026-06-30"), asset.endDate());
        for (Runnable change : List.<Runnable>of(() -> asset.resume(CHANGING, NOW), () -> asset.suspend(CHANGING, NOW),
                () -> asset.terminate(CHANGING, LocalDate.parse("2026-07-01"), NOW),
                () -> asset.modify(Map.of(), List.of(), CHANGING, NOW))) {
            assertEquals(ProductAsset.PRODUCT_TRANSITION_NOT_ALLOWED, code(change), "terminated is final");
        }
    }

    @Test
    void aModificationChangesCharacteristicsAndPriceAndKeepsTheStatus() {
        ProductAsset asset = asset();
        ProductAsset.Change change = asset.modify(Map.of("bandwidthMbps", "1000"),
                List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("899"))), CHANGING, NOW);
        assertEquals(Map.of("bandwidthMbps", "1000"), asset.characteristics());
        assertEquals(ProductStatus.ACTIVE, asset.status());
        assertEquals("PRODUCT_INVENTORY_MODIFIED", change.action());
        assertEquals(CHANGING.orderId().toString(), change.details().get("orderId"));
        assertEquals(CREATING.orderLineId(), asset.createdByOrderLineId(), "the creating line stays");
    }

    @Test
    void anAssetCannotEndBeforeItStarted() {
        ProductAsset asset = asset();
        assertEquals(ProductAsset.PRODUCT_TRANSITION_NOT_ALLOWED,
                code(() -> asset.terminate(CHANGING, LocalDate.parse("2026-02-01"), NOW)));
        assertEquals(ProductStatus.ACTIVE, asset.status());
    }

    private static ProductAsset asset() {
        return ProductAsset.install(new ProductAsset.Installation(UUID.randomUUID(), "acme", "CUST-1", "ACC-1", null,
                "po_enterprise_fiber", "Enterprise Fiber", "ps_fiber_access", BigDecimal.ONE, Map.of("bandwidthMbps", "500"),
                "USD", List.of(new RecurringTotal(RecurringPeriod.MONTH, new BigDecimal("499"))), LocalDate.parse("2026-03-01"),
                CREATING, null, null, null), NOW);
    }

    private static String code(Runnable change) {
        return assertThrows(DomainException.class, change::run).code();
    }
}
