package io.cpqoms.order.api;

import io.cpqoms.catalog.api.RecurringTotal;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The billing triggers' integration events (seed 002 section 17), on the same topic as the order's, with
 * aggregate type {@code BillingTrigger}, the trigger's id and version in the envelope. A trigger to be
 * sent to the billing system (created, or sent again after its fallout case was worked) carries
 * everything billing needs; the billing system's answer is published as acknowledged or rejected. The
 * data is the record's fields; docs/events.md lists them and {@code IntegrationEventCatalogueTest} keeps
 * it complete.
 */
public sealed interface BillingIntegrationEvent {

    String type();

    /** A line took effect (its billing items done): billing is to start, change, stop, suspend or resume, or charge once. */
    record TriggerCreated(UUID billingTriggerId, BillingTriggerKind kind, LocalDate effectiveDate, UUID orderId,
                          String orderNumber, UUID orderLineId, String lineNumber, UUID productId, String productOfferingId,
                          String productOfferingName, String customerId, String accountId, String currency,
                          BigDecimal oneTimeAmount, List<RecurringTotal> recurringPrice, UUID priceSnapshotId, int attempt)
            implements BillingIntegrationEvent {
        public String type() {
            return "billing.trigger-created.v1";
        }
    }

    /** A rejected or unanswered trigger is sent again, unchanged but for its attempt, after its fallout case was worked. */
    record TriggerResent(UUID billingTriggerId, BillingTriggerKind kind, LocalDate effectiveDate, UUID orderId,
                         String orderNumber, UUID orderLineId, String lineNumber, UUID productId, String productOfferingId,
                         String productOfferingName, String customerId, String accountId, String currency,
                         BigDecimal oneTimeAmount, List<RecurringTotal> recurringPrice, UUID priceSnapshotId, int attempt)
            implements BillingIntegrationEvent {
        public String type() {
            return "billing.trigger-resent.v1";
        }
    }

    /** The billing system accepted the trigger under its own reference. */
    record TriggerAcknowledged(UUID billingTriggerId, BillingTriggerKind kind, UUID orderId, UUID orderLineId,
                               UUID productId, String billingReference, Instant acknowledgedAt)
            implements BillingIntegrationEvent {
        public String type() {
            return "billing.trigger-acknowledged.v1";
        }
    }

    /** The billing system refused the trigger; a billing fallout case is open for it. */
    record TriggerRejected(UUID billingTriggerId, BillingTriggerKind kind, UUID orderId, UUID orderLineId, UUID productId,
                           String rejectionCode, String rejectionReason, UUID falloutCaseId, Instant rejectedAt)
            implements BillingIntegrationEvent {
        public String type() {
            return "billing.trigger-rejected.v1";
        }
    }
}
