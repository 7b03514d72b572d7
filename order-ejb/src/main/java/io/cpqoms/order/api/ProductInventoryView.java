package io.cpqoms.order.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One product of the installed base, in the shape of TMF637 Product Inventory: the offering and
 * specification it realises, its characteristic values, its recurring price as the order accepted it,
 * its status and dates, the bundle it belongs to and the orders that realised and last changed it,
 * with the quote revision it was sold on, and the billing triggers its orders sent for it (seed 002
 * section 22: product to billing). It holds no provider costs or margins.
 */
public record ProductInventoryView(UUID id,
                                   ProductStatus status,
                                   String customerId,
                                   String accountId,
                                   ProductOfferingRef productOffering,
                                   String productSpecificationId,
                                   BigDecimal quantity,
                                   List<Characteristic> productCharacteristic,
                                   List<ProductPrice> productPrice,
                                   LocalDate startDate,
                                   LocalDate terminationDate,
                                   UUID parentProductId,
                                   List<UUID> childProductIds,
                                   List<RealizingOrder> realizingOrder,
                                   QuoteRef sourceQuote,
                                   List<BillingTriggerRef> billingTrigger,
                                   long entityVersion,
                                   Instant createdAt,
                                   Instant updatedAt) {

    public record ProductOfferingRef(String id, String name) {
    }

    public record Characteristic(String name, String value) {
    }

    /** A recurring charge: its period (MONTHLY, ...) and amount in the order's currency. */
    public record ProductPrice(String priceType, String recurringChargePeriod, BigDecimal amount, String currency) {
    }

    /** An order that acted on the product: {@code role} CREATED (the line that added it) or LAST_CHANGED. */
    public record RealizingOrder(String role, UUID orderId, String orderNumber, UUID orderLineId) {
    }

    public record QuoteRef(UUID id, String quoteNumber, Integer revision) {
    }

    /** A billing trigger an order sent for the product: what it told billing, from when, and billing's answer so far. */
    public record BillingTriggerRef(UUID id, BillingTriggerKind kind, LocalDate effectiveDate, BillingTriggerStatus status,
                                    UUID orderId) {
    }
}
