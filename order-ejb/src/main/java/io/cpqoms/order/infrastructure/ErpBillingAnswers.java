package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.api.BillingTriggerCommands;
import io.cpqoms.order.api.ErpBillingAcknowledgement;
import io.cpqoms.order.api.ErpBillingRejection;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * The billing system's answers on the ERP inbound queue, passed to the billing trigger commands in the
 * caller's transaction. A bean of its own so that the billing commands are resolved when a billing
 * answer arrives, not when any ERP message does: without them deployed, a billing answer fails as a
 * technical failure (redelivered, then dead-lettered) and every other message is unaffected.
 */
@Stateless
public class ErpBillingAnswers {

    @EJB
    private BillingTriggerCommands billing;

    public void acknowledged(CommandContext context, ErpBillingAcknowledgement acknowledgement) {
        billing.acknowledge(context, acknowledgement.triggerId(), acknowledgement.billingReference());
    }

    public void rejected(CommandContext context, ErpBillingRejection rejection) {
        billing.reject(context, rejection.triggerId(), rejection.code(), rejection.reason());
    }
}
