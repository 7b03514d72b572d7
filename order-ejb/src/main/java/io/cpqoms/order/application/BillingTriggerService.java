package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.api.BillingTriggerCommands;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * The billing system's answers to billing triggers (seed 002 section 17, docs/billing.md), as the ERP
 * inbound contract delivers them: each loads the trigger's order locked, lets it decide and saves it,
 * in one transaction. A trigger of another tenant, or none, is 404 BILLING_TRIGGER_NOT_FOUND.
 */
@Stateless
public class BillingTriggerService implements BillingTriggerCommands {

    @Inject
    private OrderRepository orders;

    @Override
    public void acknowledge(CommandContext context, UUID triggerId, String billingReference) {
        CustomerOrder order = orders.lock(context.tenantId(), orders.orderOfBillingTrigger(context.tenantId(), triggerId));
        order.acknowledgeBilling(triggerId, billingReference, context.actor(), Instant.now());
        orders.save(order, context, "billing-trigger:" + triggerId);
    }

    @Override
    public void reject(CommandContext context, UUID triggerId, String code, String reason) {
        CustomerOrder order = orders.lock(context.tenantId(), orders.orderOfBillingTrigger(context.tenantId(), triggerId));
        order.rejectBilling(triggerId, code, reason, context.actor(), Instant.now());
        orders.save(order, context, "billing-trigger:" + triggerId);
    }
}
