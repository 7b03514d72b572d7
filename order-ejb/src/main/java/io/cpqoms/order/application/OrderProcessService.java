package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.OrderEvent;
import io.cpqoms.order.domain.OrderRepository;
import io.cpqoms.order.domain.OrderTimer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * The order steps the order runs itself, each in its own transaction after the one that asked for it
 * committed: {@value OrderEvent#PLAN_FULFILLMENT} from the order command queue (asked for when a
 * supervisor lets a held order through), and the persistent timers it scheduled (a retry that is due). A step that finds the order past it does nothing, so a redelivered request is
 * harmless.
 */
@Stateless
public class OrderProcessService {

    @Inject
    private OrderRepository orders;

    @Inject
    private OrderChecks checks;

    /** A persistent timer of the order fired: what it was for is done, unless the order has moved on. */
    public void timerDue(CommandContext context, OrderTimer due) {
        CustomerOrder order = orders.lock(context.tenantId(), due.orderId());
        String causation = "timer:" + due.orderId();
        if (due instanceof OrderTimer.AttemptDue retry) {
            order.attemptDue(retry.itemId(), retry.externalRequestId(), Instant.now());
            causation = retry.externalRequestId();
        } else if (due instanceof OrderTimer.ExpectationDue expectation) {
            order.expectationDue(expectation.dueAt(), Instant.now());
            causation = "expectation:" + due.orderId();
        } else if (due instanceof OrderTimer.CompletionDue completionDue) {
            order.completionDue(completionDue.breach(), completionDue.dueAt(), Instant.now());
            causation = "completion-due:" + due.orderId();
        } else if (due instanceof OrderTimer.FalloutCaseDue caseDue) {
            order.falloutCaseDue(caseDue.falloutCaseId(), caseDue.dueAt(), OrderSettings.falloutDeadlines(), Instant.now());
            causation = "fallout-case:" + caseDue.falloutCaseId();
        } else if (due instanceof OrderTimer.BillingAcknowledgementDue billingDue) {
            order.billingAcknowledgementDue(billingDue.billingTriggerId(), billingDue.dueAt(), Instant.now());
            causation = "billing-trigger:" + billingDue.billingTriggerId();
        }
        orders.save(order, context, causation);
    }

    /** A timer failed every delivery: the order records it and opens a case (nothing waits silently). */
    public void timerFailed(CommandContext context, OrderTimer due, String error) {
        CustomerOrder order = orders.lock(context.tenantId(), due.orderId());
        order.timerFailed(due, error, Instant.now());
        orders.save(order, context, "timer-failed:" + due.orderId());
    }

    /** Builds the plan of a validated order and starts its fulfillment. */
    public void planFulfillment(CommandContext context, UUID orderId, String causationId) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        if (!order.awaitsPlan()) {
            return;
        }
        order.plan(checks.specifications(context, order), OrderSettings.sla(), Instant.now());
        orders.save(order, context, causationId);
    }
}
