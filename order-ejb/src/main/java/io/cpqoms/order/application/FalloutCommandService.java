package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.FalloutAssignment;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.FalloutCommands;
import io.cpqoms.order.api.FalloutResolution;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FalloutCase;
import io.cpqoms.order.domain.OrderRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Fallout resolution by command (seed 000, section 17): a case is assigned to a person and worked by
 * an action on the order, never by editing its data. The order decides who may work a case and what
 * the case takes.
 */
@Stateless
public class FalloutCommandService implements FalloutCommands {

    public static final String INVALID_FALLOUT_COMMAND = "INVALID_FALLOUT_COMMAND";

    @Inject
    private OrderRepository orders;

    @Override
    public FalloutCaseView assign(CommandContext context, UUID orderId, UUID caseId, FalloutAssignment assignment) {
        if (assignment == null || assignment.assignee() == null || assignment.assignee().isBlank()) {
            throw DomainException.invalidInput(INVALID_FALLOUT_COMMAND, "An assignment names the assignee.");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FalloutCase fallout = order.assignFallout(caseId, context, assignment.assignee().strip(), Instant.now());
        orders.save(order, context, "fallout-case:" + caseId);
        return fallout.view();
    }

    @Override
    public FalloutCaseView resolve(CommandContext context, UUID orderId, UUID caseId, FalloutResolution resolution) {
        if (resolution == null || resolution.action() == null) {
            throw DomainException.invalidInput(INVALID_FALLOUT_COMMAND,
                    "A resolution names its action: " + Arrays.toString(FalloutResolution.Action.values()) + ".");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FalloutCase fallout = order.resolveFallout(caseId, context, resolution, OrderSettings.falloutDeadlines(), Instant.now());
        orders.save(order, context, "fallout-case:" + caseId);
        return fallout.view();
    }
}
