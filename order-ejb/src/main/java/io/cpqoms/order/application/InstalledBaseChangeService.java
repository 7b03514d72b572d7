package io.cpqoms.order.application;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Violation;
import io.cpqoms.order.api.DirectOrder;
import io.cpqoms.order.api.OrderType;
import io.cpqoms.order.api.Severity;
import io.cpqoms.order.domain.ChangeOrders;
import io.cpqoms.order.domain.LineDraft;
import io.cpqoms.order.domain.OrderDraft;
import io.cpqoms.order.domain.OrderRepository;
import io.cpqoms.order.domain.ProductAsset;
import io.cpqoms.quote.api.ChangeLine;
import io.cpqoms.quote.api.InstalledBaseChanges;
import io.cpqoms.quote.api.ProductChange;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The change of an installed product as the quote context asks for it (a change quote): the same lines
 * and the same checks as a CHANGE order's ({@link InstalledBaseLines}, {@link ChangeOrders#check}), so
 * what a change quote offers is what its order will be allowed to do, until the product changes (the
 * order checks the lines' baseline again).
 */
@Stateless
public class InstalledBaseChangeService implements InstalledBaseChanges {

    @Inject
    private InstalledBaseLines lines;

    @Inject
    private OrderRepository orders;

    @Override
    public List<ChangeLine> changeLines(CommandContext context, String customerId, String accountId, UUID catalogVersionId,
                                        ProductChange change) {
        LineAction action = change.action() == null ? LineAction.MODIFY : change.action();
        List<Violation> refused = ChangeOrders.actionsAllowed(OrderType.CHANGE, List.of(action));
        if (action == LineAction.ADD) {
            refused = List.of(new Violation(ChangeOrders.LINE_ACTION_NOT_ALLOWED, "action", "A change acts on an installed"
                    + " product: MODIFY, DELETE or NO_CHANGE; new products are the quote's items.",
                    List.of(LineAction.MODIFY.name(), LineAction.DELETE.name(), LineAction.NO_CHANGE.name())));
        }
        if (!refused.isEmpty()) {
            throw DomainException.ruleViolation("The change does not fit a change quote.", refused);
        }
        InstalledBaseLines.Computed computed = lines.compute(context, catalogVersionId,
                Map.of(0, new DirectOrder.Line(action, change.productId(), null, change.quantity(), change.characteristics(),
                        null)), Map.of(0, action), Instant.now());
        if (!computed.violations().isEmpty()) {
            throw DomainException.ruleViolation("The installed base does not allow the change.", computed.violations());
        }
        List<LineDraft> drafts = computed.linesAt().get(0);
        OrderDraft draft = new OrderDraft(OrderType.CHANGE, customerId, accountId, catalogVersionId, null, null, null, null,
                null, null, null, null, null, drafts);
        List<Violation> blockers = ChangeOrders.check(draft, computed.products(),
                        orders.openOrdersActingOn(context.tenantId(), ChangeOrders.actedOn(drafts))).stream()
                .filter(f -> f.severity() == Severity.BLOCKER)
                .map(f -> new Violation(f.code(), f.target(), f.message())).toList();
        if (!blockers.isEmpty()) {
            throw DomainException.ruleViolation("The installed base does not allow the change.", blockers);
        }
        Map<UUID, Integer> index = new HashMap<>();
        return drafts.stream().map(line -> {
            index.put(line.id(), index.size());
            ProductAsset product = computed.products().get(line.productId());
            return new ChangeLine(line.parentId() == null ? -1 : index.get(line.parentId()), line.action(), line.productId(),
                    line.baselineVersion(), line.offeringId(), line.offeringName(), line.productSpecificationId(),
                    line.quantity(), line.characteristics(), product.recurringPrice());
        }).toList();
    }
}
