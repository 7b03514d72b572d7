package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.api.Severity;
import io.cpqoms.order.api.ValidationCheck;
import io.cpqoms.order.api.ValidationCommands;
import io.cpqoms.order.api.ValidationOverride;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.ValidationResult;
import io.cpqoms.order.infrastructure.Orders;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A supervisor's override of a held order's validation blockers (seed 000, sections 33 and 37: who
 * overrode which blocker, and why). Only overridable blockers (matters of policy, such as a possible
 * duplicate) can be overridden; the result keeps the override and the order goes on to decomposition.
 */
@Stateless
public class ValidationOverrideService implements ValidationCommands {

    public static final String INVALID_OVERRIDE_REQUEST = "INVALID_OVERRIDE_REQUEST";
    public static final String ORDER_NOT_HELD = "ORDER_NOT_HELD";
    public static final String BLOCKER_NOT_OVERRIDABLE = "BLOCKER_NOT_OVERRIDABLE";

    @Inject
    private Orders orders;

    @Inject
    private OrderJournal journal;

    @Inject
    private OrderViews views;

    @Override
    public OrderView overrideBlockers(CommandContext context, UUID orderId, ValidationOverride.Request request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw DomainException.invalidInput(INVALID_OVERRIDE_REQUEST, "An override states its reason.");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        if (order.status() != OrderStatus.HELD) {
            throw DomainException.conflict(ORDER_NOT_HELD, "Order " + order.orderNumber() + " is " + order.status()
                    + "; only a held order has blockers to override.");
        }
        ValidationResult result = orders.latestValidation(orderId).orElseThrow();
        List<String> hard = result.hardBlockers().stream().map(ValidationCheck::code).toList();
        if (!hard.isEmpty()) {
            throw DomainException.conflict(BLOCKER_NOT_OVERRIDABLE, "Order " + order.orderNumber() + " is held by " + hard
                    + ", which no override lets through; correct the cause or cancel the order.");
        }
        Instant now = Instant.now();
        List<String> overridden = result.findings().stream().filter(c -> c.severity() == Severity.BLOCKER)
                .map(ValidationCheck::code).toList();
        result.override(context.actor(), request.reason().strip(), now);
        order.moveTo(OrderStatus.VALIDATED, now);
        String causation = "validation-override:" + result.id();
        journal.audit(context, order, "VALIDATION_BLOCKERS_OVERRIDDEN", now, "validationResultId", result.id(),
                "overriddenBlockers", overridden, "reason", request.reason().strip());
        journal.event(context, order, "order.validation-overridden.v1", causation, now, "validationResultId", result.id(),
                "overriddenBlockers", overridden, "overriddenBy", context.actor());
        journal.nextStep(context, order, OrderProcessService.DECOMPOSE, causation, now);
        return views.of(order);
    }
}
