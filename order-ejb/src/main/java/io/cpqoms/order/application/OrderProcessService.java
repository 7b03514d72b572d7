package io.cpqoms.order.application;

import io.cpqoms.catalog.api.CatalogQueries;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.Decomposition;
import io.cpqoms.order.domain.FalloutCase;
import io.cpqoms.order.domain.FulfillmentItem;
import io.cpqoms.order.domain.FulfillmentPlan;
import io.cpqoms.order.domain.LineDraft;
import io.cpqoms.order.domain.OrderDraft;
import io.cpqoms.order.domain.OrderLine;
import io.cpqoms.order.domain.OrderValidation;
import io.cpqoms.order.domain.ValidationResult;
import io.cpqoms.order.infrastructure.Orders;
import io.cpqoms.quote.api.QuoteQueries;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The order's own steps after capture: validate, decompose, start fulfillment. Each is one
 * transaction with the order locked, asked for through the outbox by the step before it. A step that
 * finds the order past it does nothing, so a redelivered request is harmless.
 */
@Stateless
public class OrderProcessService {

    public static final String VALIDATE = "order.validate";
    public static final String DECOMPOSE = "order.decompose";
    public static final String START_FULFILLMENT = "order.start-fulfillment";

    @EJB
    private QuoteQueries quotes;

    @EJB
    private CatalogQueries catalog;

    @Inject
    private OrderChecks checks;

    @Inject
    private Orders orders;

    @Inject
    private OrderJournal journal;

    @Inject
    private OrderProgress progress;

    @Inject
    private FalloutCases fallout;

    /** Runs the validation checks again as the order stands now: VALIDATED, or HELD with the blockers stored. */
    public void validate(CommandContext context, UUID orderId, String causationId) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        if (order.status() != OrderStatus.CAPTURED) {
            return;
        }
        Instant now = Instant.now();
        List<LineDraft> lines = OrderLines.fromOrder(order.lines());
        OrderDraft draft = new OrderDraft(null, order.customerId(), order.accountId(), order.catalogVersionId(),
                order.sourceQuoteId(), null, order.sourceQuoteRevision(), order.acceptanceId(), null, null, null, null,
                null, lines);
        OrderValidation.SourceQuote source = order.sourceQuoteId() == null ? null
                : OrderChecks.sourceQuote(quotes.quote(context, order.sourceQuoteId()));
        String duplicate = order.sourceQuoteId() != null ? null
                : orders.openDuplicate(context.tenantId(), order.customerId(), order.contentFingerprint(), order.id());
        OrderValidation.Outcome outcome = OrderValidation.validate(draft, source,
                checks.configurationViolations(context, order.catalogVersionId(), lines, now), duplicate);
        ValidationResult result = new ValidationResult(order.id(), outcome, context.actor(), now);
        orders.add(result);
        if (result.passed()) {
            order.moveTo(OrderStatus.VALIDATED, now);
            journal.audit(context, order, "ORDER_VALIDATED", now, "validationResultId", result.id(),
                    "checksPerformed", outcome.performed(), "findings", outcome.findings().size());
            journal.event(context, order, "order.validated.v1", causationId, now, "validationResultId", result.id());
            journal.nextStep(context, order, DECOMPOSE, causationId, now);
        } else {
            order.moveTo(OrderStatus.HELD, now);
            List<String> codes = outcome.findings().stream().map(f -> f.code()).toList();
            journal.audit(context, order, "ORDER_HELD", now, "validationResultId", result.id(), "findings", codes);
            journal.event(context, order, "order.held.v1", causationId, now, "validationResultId", result.id(),
                    "findings", codes);
        }
    }

    /**
     * Builds the fulfillment plan from the fulfillment metadata of the order's pinned catalog version.
     * A plan that cannot be built (metadata missing, steps waiting for each other) puts the order in
     * FALLOUT with the reason recorded.
     */
    public void decompose(CommandContext context, UUID orderId, String causationId) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        if (order.status() != OrderStatus.VALIDATED || !orders.items(orderId).isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Set<String> specificationIds = order.lines().stream().map(OrderLine::productSpecificationId)
                .collect(Collectors.toSet());
        Map<String, ProductSpecification> specifications = catalog.specifications(context, order.catalogVersionId(),
                specificationIds);
        List<Decomposition.PlannedItem> plan;
        try {
            plan = Decomposition.plan(order.id(), order.lines().stream().map(l -> new Decomposition.PlanLine(l.id(),
                    l.parentLineId(), l.lineNumber(), l.action(), l.productSpecificationId(), l.offeringId(),
                    l.quantity().stripTrailingZeros().toPlainString(), l.characteristics())).toList(), specifications);
        } catch (DomainException e) {
            order.moveTo(OrderStatus.FALLOUT, now);
            List<String> reasons = e.violations().stream().map(v -> v.rule() + ": " + v.message()).toList();
            journal.audit(context, order, "ORDER_DECOMPOSITION_FAILED", now, "reasons", e.violations());
            journal.event(context, order, "order.decomposition-failed.v1", causationId, now, "reasons", reasons);
            fallout.openForOrder(context, order, FalloutCase.DECOMPOSITION_FAILED,
                    "No fulfillment plan can be built: " + String.join("; ", reasons), causationId, now);
            return;
        }
        plan.forEach(item -> orders.add(new FulfillmentItem(order.id(), item, now)));
        order.touch(now);
        journal.audit(context, order, "ORDER_DECOMPOSED", now, "catalogVersionId", order.catalogVersionId(),
                "fulfillmentItems", plan.stream().map(i -> i.itemType() + " for line " + lineNumber(order, i.orderLineId()))
                        .toList());
        journal.event(context, order, "order.decomposed.v1", causationId, now, "fulfillmentItemCount", plan.size());
        journal.nextStep(context, order, START_FULFILLMENT, causationId, now);
    }

    /** Starts fulfillment: the order is IN_PROGRESS and the items without open dependencies go out. */
    public void startFulfillment(CommandContext context, UUID orderId, String causationId) {
        CustomerOrder order = orders.lock(context.tenantId(), orderId);
        if (order.status() != OrderStatus.VALIDATED) {
            return;
        }
        Instant now = Instant.now();
        FulfillmentPlan plan = new FulfillmentPlan(orders.items(orderId));
        order.moveTo(OrderStatus.IN_PROGRESS, now);
        journal.audit(context, order, "FULFILLMENT_STARTED", now, "fulfillmentItems", plan.items().size());
        journal.event(context, order, "order.fulfillment-started.v1", causationId, now,
                "fulfillmentItemCount", plan.items().size());
        progress.advance(context, order, plan, causationId, now);
    }

    private static String lineNumber(CustomerOrder order, UUID lineId) {
        return order.lines().stream().filter(l -> l.id().equals(lineId)).map(OrderLine::lineNumber).findFirst().orElse("?");
    }
}
