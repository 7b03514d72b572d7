package io.cpqoms.order.api;

import io.cpqoms.kernel.CommandContext;
import java.util.UUID;

/**
 * What the billing system says about a billing trigger it was sent (seed 002 section 17), one command
 * and one transaction each. Both are idempotent: the same answer twice changes nothing the second
 * time; an answer for a trigger of another tenant, or none, is 404 BILLING_TRIGGER_NOT_FOUND; an
 * answer that contradicts the recorded one is 409.
 */
public interface BillingTriggerCommands {

    /** The billing system accepted the trigger; {@code billingReference} is its own id for it. */
    void acknowledge(CommandContext context, UUID triggerId, String billingReference);

    /** The billing system refused the trigger: a billing fallout case is opened for it. */
    void reject(CommandContext context, UUID triggerId, String code, String reason);
}
