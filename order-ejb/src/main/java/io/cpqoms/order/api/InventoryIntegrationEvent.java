package io.cpqoms.order.api;

import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The installed base's integration events (seed 000 section 21: OrderCompleted, then
 * ProductInventoryUpdated), on the same topic as the order's, with aggregate type
 * {@code ProductInventory}, the product's id and version in the envelope. The data is the record's
 * fields; docs/events.md lists them and {@code IntegrationEventCatalogueTest} keeps it complete.
 */
public sealed interface InventoryIntegrationEvent {

    String type();

    /** An order's completion put a product into the installed base. */
    record ProductCreated(UUID productId, String customerId, String accountId, ProductStatus status,
                          String productOfferingId, String productSpecificationId, BigDecimal quantity,
                          Map<String, String> characteristics, String currency, List<RecurringTotal> recurringPrice,
                          UUID parentProductId, LocalDate startDate, UUID orderId, String orderNumber, UUID orderLineId,
                          UUID sourceQuoteId, Integer sourceQuoteRevision) implements InventoryIntegrationEvent {
        public String type() {
            return "inventory.product-created.v1";
        }
    }

    /** An order's completion changed a product: its status, characteristics, price or end date. */
    record ProductUpdated(UUID productId, String customerId, ProductStatus status, ProductStatus previousStatus,
                          Map<String, String> characteristics, List<RecurringTotal> recurringPrice, LocalDate endDate,
                          UUID orderId, String orderNumber, UUID orderLineId) implements InventoryIntegrationEvent {
        public String type() {
            return "inventory.product-updated.v1";
        }
    }
}
