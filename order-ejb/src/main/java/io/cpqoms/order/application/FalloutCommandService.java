package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.FalloutAssignment;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.FalloutCommands;
import io.cpqoms.order.api.FalloutResolution;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.FalloutCase;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.FulfillmentPlan;
import io.cpqoms.order.infrastructure.Orders;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Fallout resolution by command (seed 000, section 17): a case is assigned to a person and resolved
 * by an action on the order, never by editing its data. Operations work the cases of their work
 * groups; a supervisor works any case (section 37: "assigned group or supervisor").
 */
@Stateless
public class FalloutCommandService implements FalloutCommands {

    public static final String INVALID_FALLOUT_COMMAND = "INVALID_FALLOUT_COMMAND";
    public static final String NOT_IN_OWNER_GROUP = "NOT_IN_OWNER_GROUP";
    public static final String FALLOUT_CASE_CLOSED = "FALLOUT_CASE_CLOSED";
    public static final String NOTHING_TO_RETRY = "NOTHING_TO_RETRY";

    @Inject
    private Orders orders;

    @Inject
    private OrderJournal journal;

    @Inject
    private OrderProgress progress;

    @Inject
    private FalloutCases fallout;

    @Override
    public FalloutCaseView assign(CommandContext context, UUID orderId, UUID caseId, FalloutAssignment assignment) {
        if (assignment == null || assignment.assignee() == null || assignment.assignee().isBlank()) {
            throw DomainException.invalidInput(INVALID_FALLOUT_COMMAND, "An assignment names the assignee.");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FalloutCase falloutCase = workable(context, orderId, caseId);
        falloutCase.assign(assignment.assignee().strip());
        journal.audit(context, order, "FALLOUT_CASE_ASSIGNED", Instant.now(), "falloutCaseId", falloutCase.id(),
                "assignee", assignment.assignee().strip());
        return falloutCase.view();
    }

    @Override
    public FalloutCaseView resolve(CommandContext context, UUID orderId, UUID caseId, FalloutResolution resolution) {
        if (resolution == null || resolution.action() == null) {
            throw DomainException.invalidInput(INVALID_FALLOUT_COMMAND,
                    "A resolution names its action: " + java.util.Arrays.toString(FalloutResolution.Action.values()) + ".");
        }
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        FalloutCase falloutCase = workable(context, orderId, caseId);
        Instant now = Instant.now();
        String causation = "fallout-case:" + falloutCase.id();
        switch (resolution.action()) {
            case RETRY_ITEM -> {
                if (falloutCase.fulfillmentItemId() == null) {
                    throw DomainException.conflict(NOTHING_TO_RETRY, "Fallout case " + caseId + " (" + falloutCase.reasonCode()
                            + ") concerns the whole order, not an item; it is closed by cancelling the order.");
                }
                FulfillmentPlan plan = new FulfillmentPlan(orders.items(orderId));
                FulfillmentItem item = plan.item(falloutCase.fulfillmentItemId()).orElseThrow();
                progress.retry(context, order, item, causation, now);
                fallout.resolve(context, order, falloutCase, FalloutCase.RETRIED, resolution.note(), causation, now);
                progress.advance(context, order, plan, causation, now);
            }
        }
        return falloutCase.view();
    }

    /** The open case, if the caller works cases of its group or is a supervisor. */
    private FalloutCase workable(CommandContext context, UUID orderId, UUID caseId) {
        FalloutCase falloutCase = orders.falloutCase(orderId, caseId);
        if (!context.hasRole(Roles.OPERATIONS_SUPERVISOR) && !context.inWorkgroup(falloutCase.ownerGroup())) {
            throw DomainException.forbidden(NOT_IN_OWNER_GROUP, "Fallout case " + caseId + " belongs to work group "
                    + falloutCase.ownerGroup() + "; its members or a supervisor work it.");
        }
        if (!falloutCase.isOpen()) {
            throw DomainException.conflict(FALLOUT_CASE_CLOSED, "Fallout case " + caseId + " is " + falloutCase.status() + ".");
        }
        return falloutCase;
    }
}
