package io.cpqoms.order.application;

import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.BillingTriggerView;
import io.cpqoms.order.api.CustomerOrderSummary;
import io.cpqoms.order.api.CustomerOrderView;
import io.cpqoms.order.api.FulfillmentItemView;
import io.cpqoms.order.api.KeysetPage;
import io.cpqoms.order.api.OrderQueries;
import io.cpqoms.order.api.OrderQuery;
import io.cpqoms.order.api.OrderSummary;
import io.cpqoms.order.api.OrderView;
import io.cpqoms.order.api.TimelineEntry;
import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.FalloutCaseQuery;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.MilestoneView;
import io.cpqoms.order.api.OrderEventLogEntry;
import io.cpqoms.order.domain.CustomerOrder;
import io.cpqoms.order.domain.OrderReadModel;
import io.cpqoms.quote.api.Acceptance;
import io.cpqoms.quote.api.QuoteQueries;
import io.cpqoms.quote.api.QuoteView;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** Order reads: the operator and customer views, the keyset-paged list, the plan and the timeline. */
@Stateless
public class OrderQueryService implements OrderQueries {

    public static final String INVALID_PAGE = "INVALID_PAGE";
    public static final int MAX_PAGE_SIZE = 200;

    @EJB
    private QuoteQueries quotes;

    @Inject
    private OrderReadModel orders;

    @Override
    public OrderView order(CommandContext context, UUID orderId) {
        return orders.view(context.tenantId(), orderId);
    }

    @Override
    public CustomerOrderView customerView(CommandContext context, UUID orderId) {
        return orders.customerView(context.tenantId(), orderId);
    }

    @Override
    public KeysetPage<OrderSummary> orders(CommandContext context, OrderQuery query) {
        return page(context, query, CustomerOrder::summary);
    }

    @Override
    public KeysetPage<CustomerOrderSummary> customerOrders(CommandContext context, OrderQuery query) {
        return page(context, query, CustomerOrder::customerSummary);
    }

    private <T> KeysetPage<T> page(CommandContext context, OrderQuery query, java.util.function.Function<CustomerOrder, T> view) {
        Cursor after = Cursor.parse(query.limit(), query.after());
        List<CustomerOrder> found = orders.list(context.tenantId(), query, after == null ? null : after.at(),
                after == null ? null : after.id());
        List<CustomerOrder> page = found.stream().limit(query.limit()).toList();
        CustomerOrder last = found.size() > query.limit() ? page.get(page.size() - 1) : null;
        return new KeysetPage<>(page.stream().map(view).toList(),
                last == null ? null : new Cursor(last.createdAt(), last.id()).encoded());
    }

    @Override
    public KeysetPage<FalloutCaseView> falloutWorklist(CommandContext context, FalloutCaseQuery query) {
        Cursor after = Cursor.parse(query.limit(), query.after());
        Set<String> groups = query.ownerGroup() != null ? Set.of(query.ownerGroup())
                : context.hasRole(Roles.OPERATIONS_SUPERVISOR) ? null : context.workgroups();
        if (groups != null && groups.isEmpty()) {
            return new KeysetPage<>(List.of(), null);
        }
        Set<FalloutCaseStatus> statuses = query.status() != null ? Set.of(query.status())
                : Arrays.stream(FalloutCaseStatus.values()).filter(FalloutCaseStatus::isOpen).collect(Collectors.toSet());
        List<FalloutCaseView> found = orders.falloutWorklist(context.tenantId(), groups, statuses,
                after == null ? null : after.at(), after == null ? null : after.id(), query.limit() + 1);
        List<FalloutCaseView> page = found.stream().limit(query.limit()).toList();
        FalloutCaseView last = found.size() > query.limit() ? page.get(page.size() - 1) : null;
        return new KeysetPage<>(page, last == null ? null : new Cursor(last.openedAt(), last.id()).encoded());
    }

    /** A keyset position: the sort instant and id of the last row of a page, opaque to clients. */
    private record Cursor(Instant at, UUID id) {

        /** Checks the page size and reads the position a page continues from (null: the start). */
        static Cursor parse(int limit, String encoded) {
            if (limit < 1 || limit > MAX_PAGE_SIZE) {
                throw DomainException.invalidInput(INVALID_PAGE, "limit must be between 1 and " + MAX_PAGE_SIZE + ".");
            }
            if (encoded == null) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw DomainException.invalidInput(INVALID_PAGE, "The cursor is not one this list returned.");
            }
        }

        String encoded() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public List<FulfillmentItemView> fulfillmentItems(CommandContext context, UUID orderId) {
        return orders.items(context.tenantId(), orderId);
    }

    /**
     * From the quote's acceptance through capture, validation, decomposition, each item's dispatch and
     * outcome with its external reference, to completion, in the order it happened.
     */
    @Override
    public List<TimelineEntry> timeline(CommandContext context, UUID orderId) {
        CustomerOrder order = orders.order(context.tenantId(), orderId);
        List<TimelineEntry> timeline = new ArrayList<>();
        if (order.sourceQuoteId() != null) {
            QuoteView quote = quotes.quote(context, order.sourceQuoteId());
            Acceptance acceptance = quote.acceptance();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("quoteId", quote.id().toString());
            details.put("quoteNumber", quote.quoteNumber());
            details.put("revision", acceptance.revision());
            details.put("acceptanceId", acceptance.acceptanceId().toString());
            details.put("priceSnapshotId", String.valueOf(acceptance.priceSnapshotId()));
            details.put("customerContact", acceptance.customerContact());
            if (acceptance.approvalId() != null) {
                details.put("approvalId", acceptance.approvalId().toString());
            }
            if (acceptance.evidenceReference() != null) {
                details.put("evidenceReference", acceptance.evidenceReference());
            }
            timeline.add(new TimelineEntry(acceptance.acceptedAt(), "QUOTE_ACCEPTED", acceptance.recordedBy(), null, details));
        }
        timeline.addAll(orders.auditTrail(context.tenantId(), orderId));
        return timeline;
    }

    @Override
    public List<FalloutCaseView> falloutCases(CommandContext context, UUID orderId) {
        return orders.falloutCases(context.tenantId(), orderId);
    }

    @Override
    public List<BillingTriggerView> billingTriggers(CommandContext context, UUID orderId) {
        return orders.billingTriggers(context.tenantId(), orderId);
    }

    @Override
    public List<MilestoneView> milestones(CommandContext context, UUID orderId) {
        return orders.milestones(context.tenantId(), orderId);
    }

    @Override
    public FalloutCaseView falloutCase(CommandContext context, UUID caseId) {
        return orders.falloutCase(context.tenantId(), caseId);
    }

    @Override
    public List<OrderEventLogEntry> events(CommandContext context, UUID orderId) {
        return orders.events(context.tenantId(), orderId);
    }
}
