package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.CancellationRequest;
import io.cpqoms.order.api.CustomerOrderView;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutResolution;
import io.cpqoms.order.api.FalloutResolution.Action;
import io.cpqoms.order.api.FalloutSeverity;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.Jeopardy;
import io.cpqoms.order.api.MilestoneView;
import io.cpqoms.order.api.OrderMilestone;
import io.cpqoms.order.api.OrderIntegrationEvent;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The seed's order flows walked through the aggregate alone, without a container or a database
 * (after dddsample's CargoLifecycleScenarioTest): capture, validation, plan, item outcomes in
 * dependency order, fallout and retry, duplicate and stale reports, cancellation with compensation in
 * reverse order and the point of no return, and a held duplicate overridden. Each step checks the
 * state and the typed events the command recorded, which are what the journal turns into audit
 * entries and outbox messages.
 */
class OrderLifecycleScenarioTest {

    private static final Map<String, ProductSpecification> DEMO = DemoCatalog.specifications();
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String TENANT = "acme";
    private static final FalloutDeadlines DEADLINES = new FalloutDeadlines(Duration.ofDays(3), Duration.ofHours(4));
    private static final CommandContext IP_TEAM = new CommandContext(TENANT, "ip-operator", "c-1", Set.of(Roles.OPERATIONS),
            Set.of("ip-address-management"));
    private static final CommandContext LOGISTICS_TEAM = new CommandContext(TENANT, "logistics-operator", "c-2",
            Set.of(Roles.OPERATIONS), Set.of("logistics"));

    private static final List<String> FIRST_WAVE = List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION", "ROUTER_SHIPMENT");

    private Instant clock = T0;

    private Instant tick() {
        clock = clock.plusSeconds(1);
        return clock;
    }

    // ---- the happy path -----------------------------------------------------------------------

    @Test
    void aCapturedOrderIsValidatedPlannedFulfilledInDependencyOrderAndCompletedOnce() {
        CustomerOrder order = capture("ps_fiber_access");
        assertEquals(List.of(OrderEvent.Captured.class), types(order.takeEvents()));

        order.validate(passing(order), "alice", tick());
        assertEquals(OrderStatus.VALIDATED, order.status());
        assertTrue(order.awaitsPlan());
        order.plan(DEMO, tick());

        assertEquals(OrderStatus.IN_PROGRESS, order.status());
        List<CustomerOrder.Recorded> planned = order.takeEvents();
        assertEquals(List.of(OrderEvent.Validated.class, OrderEvent.Decomposed.class, OrderEvent.FulfillmentStarted.class,
                OrderEvent.ItemDispatched.class, OrderEvent.ItemDispatched.class, OrderEvent.ItemDispatched.class),
                types(planned));
        assertEquals(FIRST_WAVE, dispatchedTypes(planned), "only the items without dependencies go out");
        assertEquals(OrderStatus.VALIDATED, planned.get(0).status(), "each event keeps the status it happened in");
        assertEquals(OrderStatus.IN_PROGRESS, planned.stream().filter(r -> r.event() instanceof OrderEvent.ItemDispatched)
                .findFirst().orElseThrow().status());
        assertEquals(6, order.items().size());
        assertFalse(order.awaitsPlan());

        // ROUTER_CONFIGURATION waits for all three
        complete(order, "ACCESS_CIRCUIT_PROVISIONING");
        complete(order, "IP_ALLOCATION");
        assertEquals(List.of(OrderEvent.ItemCompleted.class, OrderEvent.ItemCompleted.class), types(order.takeEvents()),
                "nothing new is ready yet");
        complete(order, "ROUTER_SHIPMENT");
        assertEquals(List.of("ROUTER_CONFIGURATION"), dispatchedTypes(order.takeEvents()));
        complete(order, "ROUTER_CONFIGURATION");
        assertEquals(List.of("SLA_MONITORING_SETUP"), dispatchedTypes(order.takeEvents()));
        complete(order, "SLA_MONITORING_SETUP");
        assertEquals(List.of("BILLING_ACTIVATION"), dispatchedTypes(order.takeEvents()));
        complete(order, "BILLING_ACTIVATION");

        assertEquals(OrderStatus.COMPLETED, order.status());
        List<CustomerOrder.Recorded> last = order.takeEvents();
        assertEquals(List.of(OrderEvent.ItemCompleted.class, OrderEvent.InstalledBaseUpdated.class, OrderEvent.Completed.class),
                types(last), "the completion puts the product into the installed base, then the order is complete");
        assertEquals(6, last.stream().map(CustomerOrder.Recorded::event).filter(OrderEvent.Completed.class::isInstance)
                .map(OrderEvent.Completed.class::cast).findFirst().orElseThrow().fulfillmentItems());
        assertEquals(clock, order.view().completedAt());
        assertTrue(order.lines().stream().allMatch(l -> l.status() == OrderLine.Status.COMPLETED));

        // the same report again (a redelivered message) is a no-op: the order completes exactly once
        FulfillmentItem billing = item(order, "BILLING_ACTIVATION");
        order.itemCompleted(billing.id(), billing.externalRequestId(), billing.externalReference(), Map.of(), tick());
        assertEquals(List.of(), order.takeEvents());
        assertEquals(OrderStatus.COMPLETED, order.status());
    }

    @Test
    void eachEventSaysHowItIsJournalled() {
        CustomerOrder order = planned("ps_fiber_access");
        List<CustomerOrder.Recorded> events = order.takeEvents();
        assertEquals(OrderEvent.Captured.class, events.get(0).event().getClass());
        OrderEvent.ItemDispatched dispatched = events.stream().map(CustomerOrder.Recorded::event)
                .filter(OrderEvent.ItemDispatched.class::isInstance).map(OrderEvent.ItemDispatched.class::cast).findFirst()
                .orElseThrow();

        FulfillmentDispatch dispatch = dispatched.dispatch();
        assertEquals(order.id() + ":" + dispatch.itemId() + ":1", dispatch.externalRequestId());
        assertEquals("FULFILLMENT_ITEM_DISPATCHED", dispatched.action());
        assertEquals(dispatch.externalRequestId(), dispatched.details().get("externalRequestId"));
        OrderIntegrationEvent.ItemStarted started = (OrderIntegrationEvent.ItemStarted) dispatched.published();
        assertEquals("order.fulfillment-item.started.v1", started.type());
        assertEquals(dispatch.itemId(), started.fulfillmentItemId());
        assertNull(dispatched.nextStep());
        assertEquals("SITE-1", dispatch.input().get("characteristic.siteId"));
        assertNull(new OrderEvent.FellOut(dispatch.itemId(), "X").published(), "some facts are audited only");
    }

    // ---- fallout and retry ----------------------------------------------------------------------

    @Test
    void aFailedItemPutsTheOrderInFalloutUntilItsGroupRetriesIt() {
        CustomerOrder order = planned("ps_fiber_access");
        order.takeEvents();
        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        String firstAttempt = ip.externalRequestId();

        order.itemFailed(ip.id(), firstAttempt, "RESOURCE_UNAVAILABLE", "pool exhausted", false, tick());

        assertEquals(OrderStatus.FALLOUT, order.status());
        assertEquals(FulfillmentItemStatus.FAILED, ip.status());
        List<CustomerOrder.Recorded> failed = order.takeEvents();
        assertEquals(List.of(OrderEvent.ItemFailed.class, OrderEvent.FellOut.class, OrderEvent.FalloutOpened.class),
                types(failed));
        FalloutCase fallout = order.falloutCases().get(0);
        assertEquals("ip-address-management", fallout.ownerGroup());
        assertEquals(ip.id(), fallout.fulfillmentItemId());
        // the same failure reported again changes nothing
        order.itemFailed(ip.id(), firstAttempt, "RESOURCE_UNAVAILABLE", "pool exhausted", false, tick());
        assertEquals(List.of(), order.takeEvents());

        DomainException otherGroup = assertThrows(DomainException.class,
                () -> order.resolveFallout(fallout.id(), LOGISTICS_TEAM, resolution(Action.RETRY_ITEM, null), DEADLINES, tick()));
        assertEquals(CustomerOrder.NOT_IN_OWNER_GROUP, otherGroup.code());
        assertEquals(DomainException.Kind.FORBIDDEN, otherGroup.kind());
        assertEquals(List.of(), order.takeEvents(), "a refused command records nothing");

        order.assignFallout(fallout.id(), IP_TEAM, "ip-operator", tick());
        assertEquals(FalloutCaseStatus.ASSIGNED, fallout.status());
        order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.RETRY_ITEM, "pool extended"), DEADLINES, tick());

        assertEquals(OrderStatus.IN_PROGRESS, order.status());
        assertEquals(FalloutCaseStatus.RESOLVED, fallout.status());
        assertEquals(List.of(OrderEvent.FalloutAssigned.class, OrderEvent.ItemRetried.class, OrderEvent.FalloutResolved.class,
                OrderEvent.FalloutCleared.class), types(order.takeEvents()));
        assertEquals(order.id() + ":" + ip.id() + ":2", ip.externalRequestId(), "a retry is a new attempt");

        // a late report of the first attempt is refused as stale
        DomainException stale = assertThrows(DomainException.class,
                () -> order.itemCompleted(ip.id(), firstAttempt, "IP-OLD", Map.of(), tick()));
        assertEquals(FulfillmentItem.STALE_ATTEMPT, stale.code());
        assertEquals(FulfillmentItemStatus.IN_PROGRESS, ip.status());

        for (String type : List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION", "ROUTER_SHIPMENT", "ROUTER_CONFIGURATION",
                "SLA_MONITORING_SETUP", "BILLING_ACTIVATION")) {
            complete(order, type);
        }
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(1, types(order.takeEvents()).stream().filter(OrderEvent.Completed.class::equals).count());
        DomainException closed = assertThrows(DomainException.class,
                () -> order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.RETRY_ITEM, null), DEADLINES, tick()));
        assertEquals(CustomerOrder.FALLOUT_CASE_CLOSED, closed.code());
    }

    @Test
    void aRequestTheSystemCannotReadIsADefectWithAHighCase() {
        CustomerOrder order = planned("ps_fiber_access");
        FulfillmentItem circuit = item(order, "ACCESS_CIRCUIT_PROVISIONING");

        order.itemFailed(circuit.id(), circuit.externalRequestId(), "INVALID_REQUEST", "400 ERR_400_REQUEST_SCHEMA", true, tick());

        FalloutCase fallout = order.falloutCases().get(0);
        assertEquals(FalloutCase.REQUEST_INVALID, fallout.reasonCode());
        assertEquals(io.cpqoms.order.api.FalloutSeverity.HIGH, fallout.view().severity());
        OrderEvent.ItemFailed failed = (OrderEvent.ItemFailed) order.takeEvents().stream().map(CustomerOrder.Recorded::event)
                .filter(OrderEvent.ItemFailed.class::isInstance).findFirst().orElseThrow();
        assertEquals(true, failed.details().get("defect"));
    }

    @Test
    void aSystemDownIsAskedAgainOnATimerWithTheSameRequestWithinTheBudget() {
        CustomerOrder order = planned("ps_fiber_access");
        order.takeEvents();
        FulfillmentItem billingless = item(order, "IP_ALLOCATION");
        String request = billingless.externalRequestId();
        RetryBackoff backoff = new RetryBackoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(8), () -> 1.0);

        order.itemRetryable(billingless.id(), request, "503", backoff, tick());
        List<CustomerOrder.Recorded> scheduled = order.takeEvents();
        assertEquals(List.of(OrderEvent.ItemRetryScheduled.class), types(scheduled));
        OrderEvent.Timer timer = scheduled.get(0).event().timer();
        assertEquals(clock.plusSeconds(1), timer.at(), "the first retry after the base delay");
        assertEquals(new OrderTimer.AttemptDue(order.id(), billingless.id(), request), timer.due());
        assertEquals(1, billingless.retryCount());
        order.itemRetryable(billingless.id(), request, "503 again (a redelivered report)", backoff, tick());
        assertEquals(List.of(), order.takeEvents(), "the retry is scheduled once");

        order.attemptDue(billingless.id(), request, tick());
        List<CustomerOrder.Recorded> sent = order.takeEvents();
        assertEquals(List.of(OrderEvent.RetrySent.class), types(sent));
        assertEquals(request, sent.get(0).event().dispatch().externalRequestId(), "the same attempt keeps its request id");
        order.attemptDue(billingless.id(), request, tick());
        assertEquals(List.of(), order.takeEvents(), "a timer that fires twice sends once");

        order.itemRetryable(billingless.id(), request, "503", backoff, tick());
        assertEquals(clock.plusSeconds(2), order.takeEvents().get(0).event().timer().at(), "doubled");
        order.attemptDue(billingless.id(), request, tick());
        order.itemRetryable(billingless.id(), request, "503", backoff, tick());
        order.attemptDue(billingless.id(), request, tick());
        order.takeEvents();
        order.itemRetryable(billingless.id(), request, "503", backoff, tick());

        assertEquals(FulfillmentItemStatus.FAILED, billingless.status());
        assertEquals(FulfillmentItem.RETRY_BUDGET_EXHAUSTED, billingless.failureCode());
        assertEquals(OrderStatus.FALLOUT, order.status());
        assertEquals(List.of(OrderEvent.ItemFailed.class, OrderEvent.FellOut.class, OrderEvent.FalloutOpened.class),
                types(order.takeEvents()));
        assertEquals(FulfillmentItem.RETRY_BUDGET_EXHAUSTED, order.falloutCases().get(0).reasonCode());
    }

    @Test
    void anUnansweredRequestIsAskedAboutOnATimerNeverSentBlindAndFallsOutWhenNobodyCanTell() {
        CustomerOrder order = planned("ps_fiber_access");
        order.takeEvents();
        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        String request = ip.externalRequestId();
        RetryBackoff backoff = new RetryBackoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(8), () -> 1.0);

        order.itemOutcomeUnknown(ip.id(), request, "read timed out", backoff, 2, tick());
        assertEquals(FulfillmentItemStatus.WAITING_UNKNOWN_OUTCOME, ip.status());
        List<CustomerOrder.Recorded> unknown = order.takeEvents();
        assertEquals(List.of(OrderEvent.OutcomeUnknown.class), types(unknown));
        assertEquals(new OrderTimer.AttemptDue(order.id(), ip.id(), request), unknown.get(0).event().timer().due());

        order.attemptDue(ip.id(), request, tick());
        List<CustomerOrder.Recorded> queried = order.takeEvents();
        assertEquals(List.of(OrderEvent.StatusQuerySent.class), types(queried));
        assertTrue(queried.get(0).event().dispatch().statusQuery(), "a status query, not the work again");
        assertEquals(request, queried.get(0).event().dispatch().externalRequestId());

        order.itemOutcomeUnknown(ip.id(), request, "not found", backoff, 2, tick());
        order.attemptDue(ip.id(), request, tick());
        order.takeEvents();
        order.itemOutcomeUnknown(ip.id(), request, "not found", backoff, 2, tick());

        assertEquals(FulfillmentItemStatus.FAILED, ip.status());
        assertEquals(FulfillmentItem.UNKNOWN_OUTCOME, ip.failureCode());
        assertEquals(OrderStatus.FALLOUT, order.status());
        assertEquals(FulfillmentItem.UNKNOWN_OUTCOME, order.falloutCases().get(0).reasonCode());
    }

    @Test
    void aStatusQueryThatFindsTheWorkDoneCompletesTheItem() {
        CustomerOrder order = planned("ps_fiber_access");
        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        RetryBackoff backoff = new RetryBackoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(8), () -> 1.0);
        order.itemOutcomeUnknown(ip.id(), ip.externalRequestId(), "read timed out", backoff, 3, tick());
        order.attemptDue(ip.id(), ip.externalRequestId(), tick());

        order.itemCompleted(ip.id(), ip.externalRequestId(), "IPAM-1", Map.of(), tick());

        assertEquals(FulfillmentItemStatus.COMPLETED, ip.status());
        assertEquals(OrderStatus.IN_PROGRESS, order.status());
    }

    @Test
    void breakGlassCompletesARefusedItemAndResolvesItsCase() {
        CustomerOrder order = planned("ps_fiber_access");
        FulfillmentItem shipment = item(order, "ROUTER_SHIPMENT");
        order.itemFailed(shipment.id(), shipment.externalRequestId(), "CARRIER_REFUSED", null, false, tick());
        order.takeEvents();

        order.forceComplete(shipment.id(), "acme-break-glass", "shipped by courier", null, tick());

        assertEquals(FulfillmentItemStatus.COMPLETED, shipment.status());
        assertEquals("FORCED:acme-break-glass", shipment.externalReference());
        assertEquals(OrderStatus.IN_PROGRESS, order.status());
        List<CustomerOrder.Recorded> events = order.takeEvents();
        assertEquals(List.of(OrderEvent.ItemForceCompleted.class, OrderEvent.BreakGlassUsed.class,
                OrderEvent.FalloutResolved.class, OrderEvent.FalloutCleared.class), types(events));
        assertEquals(Boolean.TRUE, ((OrderIntegrationEvent.ItemCompleted) events.get(0).event().published()).forced());
        assertEquals(FalloutCase.FORCE_COMPLETED, order.falloutCases().get(0).view().resolutionCode());
    }

    @Test
    void aPlanThatCannotBeBuiltPutsTheOrderInFalloutForOrderManagement() {
        CustomerOrder order = capture("ps_fiber_access");
        order.validate(passing(order), "alice", tick());

        order.plan(Map.of(), tick());

        assertEquals(OrderStatus.FALLOUT, order.status());
        assertEquals(List.of(), order.items());
        assertEquals(List.of(OrderEvent.Captured.class, OrderEvent.Validated.class, OrderEvent.DecompositionFailed.class,
                OrderEvent.FalloutOpened.class), types(order.takeEvents()));
        FalloutCase fallout = order.falloutCases().get(0);
        assertEquals(FalloutCase.ORDER_MANAGEMENT, fallout.ownerGroup());
        CommandContext supervisor = new CommandContext(TENANT, "sup", "c", Set.of(Roles.OPERATIONS_SUPERVISOR));
        DomainException e = assertThrows(DomainException.class, () -> order.resolveFallout(fallout.id(), supervisor, resolution(Action.RETRY_ITEM, null), DEADLINES, tick()));
        assertEquals(FalloutCase.FALLOUT_ACTION_NOT_ALLOWED, e.code());
    }

    // ---- the other fallout commands (seed 000, section 17) --------------------------------------

    /** The IP allocation of a planned fiber order has failed; its case is open for the IP team. */
    private FalloutCase failedIpAllocation(CustomerOrder order) {
        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        order.itemFailed(ip.id(), ip.externalRequestId(), "RESOURCE_UNAVAILABLE", "pool exhausted", false, tick());
        order.takeEvents();
        return order.falloutCases().get(0);
    }

    private static FalloutResolution resolution(Action action, String note) {
        return new FalloutResolution(action, note, null);
    }

    @Test
    void aSkippedItemIsWaivedWithItsReasonAndTheOrderCompletesWithoutIt() {
        CustomerOrder order = planned("ps_fiber_access");
        FalloutCase fallout = failedIpAllocation(order);
        assertEquals(java.util.Arrays.stream(Action.values()).filter(a -> a != Action.RESEND_BILLING_TRIGGER).toList(),
                fallout.allowedActions(), "an item's case takes every command but the billing one");

        DomainException noReason = assertThrows(DomainException.class,
                () -> order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.SKIP_ITEM, " "), DEADLINES, tick()));
        assertEquals(CustomerOrder.FALLOUT_NOTE_REQUIRED, noReason.code());
        assertEquals(List.of(), order.takeEvents());

        order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.SKIP_ITEM, "customer brings own addresses"), DEADLINES, tick());

        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        assertEquals(FulfillmentItemStatus.WAIVED, ip.status());
        assertEquals(FalloutCase.ITEM_WAIVED, fallout.view().resolutionCode());
        List<CustomerOrder.Recorded> events = order.takeEvents();
        assertEquals(List.of(OrderEvent.ItemWaived.class, OrderEvent.FalloutResolved.class, OrderEvent.FalloutCleared.class),
                types(events));
        OrderEvent.ItemWaived waived = (OrderEvent.ItemWaived) events.get(0).event();
        assertEquals("RESOURCE_UNAVAILABLE", waived.failureCode());
        assertEquals("order.fulfillment-item.waived.v1", waived.published().type());
        for (String type : List.of("ACCESS_CIRCUIT_PROVISIONING", "ROUTER_SHIPMENT", "ROUTER_CONFIGURATION",
                "SLA_MONITORING_SETUP", "BILLING_ACTIVATION")) {
            complete(order, type);
        }
        assertEquals(OrderStatus.COMPLETED, order.status(), "a waived item counts as done (seed 002, section 12.3)");
    }

    @Test
    void aCorrectionNamesTheItemsFieldsAuditsBeforeAndAfterAndSendsTheItemAgain() {
        CustomerOrder order = planned("ps_fiber_access");
        FalloutCase fallout = failedIpAllocation(order);

        DomainException unknown = assertThrows(DomainException.class, () -> order.resolveFallout(fallout.id(), IP_TEAM,
                new FalloutResolution(Action.CORRECT_ORDER_DATA, "typo", Map.of("characteristic.poolSize", "64")), DEADLINES, tick()));
        assertEquals(FulfillmentItem.CORRECTION_NOT_APPLICABLE, unknown.code());
        DomainException empty = assertThrows(DomainException.class, () -> order.resolveFallout(fallout.id(), IP_TEAM,
                resolution(Action.CORRECT_ORDER_DATA, "typo"), DEADLINES, tick()));
        assertEquals(FulfillmentItem.CORRECTION_NOT_APPLICABLE, empty.code());
        assertEquals("SITE-1", item(order, "IP_ALLOCATION").input().get("characteristic.siteId"), "a refused correction changes nothing");

        order.resolveFallout(fallout.id(), IP_TEAM, new FalloutResolution(Action.CORRECT_ORDER_DATA, "site id was mistyped",
                Map.of("characteristic.siteId", "SITE-2")), DEADLINES, tick());

        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        assertEquals(FulfillmentItemStatus.IN_PROGRESS, ip.status());
        assertEquals(FalloutCase.ORDER_DATA_CORRECTED, fallout.view().resolutionCode());
        List<CustomerOrder.Recorded> events = order.takeEvents();
        assertEquals(List.of(OrderEvent.OrderDataCorrected.class, OrderEvent.ItemRetried.class, OrderEvent.FalloutResolved.class,
                OrderEvent.FalloutCleared.class), types(events));
        OrderEvent.OrderDataCorrected corrected = (OrderEvent.OrderDataCorrected) events.get(0).event();
        assertEquals(Map.of("characteristic.siteId", "SITE-1"), corrected.before());
        assertEquals(Map.of("characteristic.siteId", "SITE-2"), corrected.after());
        FulfillmentDispatch resent = events.get(1).event().dispatch();
        assertEquals("SITE-2", resent.input().get("characteristic.siteId"), "the system gets the corrected input");
        assertEquals(order.id() + ":" + ip.id() + ":2", resent.externalRequestId());
    }

    @Test
    void aRequestToTheCustomerWaitsUntilItsDueTimeAndThenEscalates() {
        CustomerOrder order = planned("ps_fiber_access");
        FalloutCase fallout = failedIpAllocation(order);
        assertNull(order.customerView().actionRequired());

        Instant asked = tick();
        order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.REQUEST_CUSTOMER_INFO, "Which VLAN does the site use?"),
                DEADLINES, asked);

        assertEquals(FalloutCaseStatus.WAITING_CUSTOMER, fallout.status());
        Instant due = asked.plus(Duration.ofDays(3));
        assertEquals(due, fallout.dueAt());
        assertFalse(fallout.allowedActions().contains(Action.REQUEST_CUSTOMER_INFO), "one question at a time");
        List<CustomerOrder.Recorded> events = order.takeEvents();
        assertEquals(List.of(OrderEvent.CustomerInfoRequested.class), types(events));
        assertEquals(new OrderTimer.FalloutCaseDue(order.id(), fallout.id(), due), events.get(0).event().timer().due());
        CustomerOrderView.ActionRequired action = order.customerView().actionRequired();
        assertEquals("Waiting for your action", action.headline());
        assertEquals(List.of("Which VLAN does the site use?"), action.requests());

        order.falloutCaseDue(fallout.id(), due.minusSeconds(60), DEADLINES, tick());
        assertEquals(List.of(), order.takeEvents(), "a timer for another due time is stale");

        Instant fired = due.plusSeconds(1);
        order.falloutCaseDue(fallout.id(), due, DEADLINES, fired);

        assertEquals(FalloutCaseStatus.ESCALATED, fallout.status());
        assertEquals(FalloutSeverity.HIGH, fallout.severity());
        assertEquals(FalloutCase.ESCALATION_DESK, fallout.ownerGroup());
        assertEquals(fired.plus(Duration.ofHours(4)), fallout.dueAt());
        assertNull(order.customerView().actionRequired(), "the customer is no longer the one who is waited on");
        OrderEvent.FalloutEscalated escalated = (OrderEvent.FalloutEscalated) order.takeEvents().get(0).event();
        assertTrue(escalated.automatic());
        assertEquals(1, escalated.escalations());
        assertEquals("order.fallout-escalated.v1", escalated.published().type());
        DomainException ipTeam = assertThrows(DomainException.class,
                () -> order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.RETRY_ITEM, null), DEADLINES, tick()));
        assertEquals(CustomerOrder.NOT_IN_OWNER_GROUP, ipTeam.code(), "an escalated case is the desk's");

        order.falloutCaseDue(fallout.id(), due, DEADLINES, tick());
        assertEquals(List.of(), order.takeEvents(), "a timer fires into the aggregate once");
    }

    @Test
    void escalationRaisesTheSeverityUntilCriticalWhereNothingEscalatesFurther() {
        CustomerOrder order = planned("ps_fiber_access");
        FalloutCase fallout = failedIpAllocation(order);
        CommandContext supervisor = new CommandContext(TENANT, "sup", "c", Set.of(Roles.OPERATIONS_SUPERVISOR));
        assertEquals(FalloutSeverity.MEDIUM, fallout.severity());

        order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.ESCALATE, "needs a pool from the core team"), DEADLINES, tick());
        assertEquals(FalloutSeverity.HIGH, fallout.severity());
        assertEquals(FalloutCase.ESCALATION_DESK, fallout.ownerGroup());
        assertFalse(((OrderEvent.FalloutEscalated) order.takeEvents().get(0).event()).automatic());

        order.resolveFallout(fallout.id(), supervisor, resolution(Action.ESCALATE, "still blocked"), DEADLINES, tick());
        assertEquals(FalloutSeverity.CRITICAL, fallout.severity());
        assertNull(fallout.dueAt(), "a critical case has nowhere higher to go");
        assertNull(order.takeEvents().get(0).event().timer());
        assertFalse(fallout.allowedActions().contains(Action.ESCALATE));
        DomainException e = assertThrows(DomainException.class,
                () -> order.resolveFallout(fallout.id(), supervisor, resolution(Action.ESCALATE, "again"), DEADLINES, tick()));
        assertEquals(FalloutCase.FALLOUT_ACTION_NOT_ALLOWED, e.code());
        assertEquals(fallout.allowedActions().stream().map(Enum::name).toList(), e.violations().get(0).allowedValues());
    }

    @Test
    void aCaseIsNotMarkedResolvedWhileItsCauseStands() {
        CustomerOrder order = planned("ps_fiber_access");
        FalloutCase fallout = failedIpAllocation(order);

        DomainException stands = assertThrows(DomainException.class,
                () -> order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.MARK_RESOLVED, "done"), DEADLINES, tick()));
        assertEquals(CustomerOrder.FALLOUT_CAUSE_STANDS, stands.code());
        assertEquals(DomainException.Kind.CONFLICT, stands.kind());
        assertEquals(FalloutCaseStatus.OPEN, fallout.status());
        assertEquals(List.of(), order.takeEvents());
    }

    @Test
    void cancellingFromACaseResolvesItAndCompensatesTheOrder() {
        CustomerOrder order = planned("ps_fiber_access");
        FalloutCase fallout = failedIpAllocation(order);
        complete(order, "ACCESS_CIRCUIT_PROVISIONING");
        order.takeEvents();

        order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.CANCEL_ORDER, "customer withdrew"), DEADLINES, tick());

        assertEquals(FalloutCaseStatus.RESOLVED, fallout.status());
        assertEquals(FalloutCase.ORDER_CANCELLED, fallout.view().resolutionCode());
        assertEquals(OrderStatus.CANCELLING, order.status());
        assertEquals(List.of("ACCESS_CIRCUIT_PROVISIONING"), compensatedTypes(order.takeEvents()));
    }

    @Test
    void anOrderCaseTakesOnlyTheCommandsThatNeedNoItem() {
        CustomerOrder order = capture("ps_fiber_access");
        order.validate(passing(order), "alice", tick());
        order.plan(Map.of(), tick());
        FalloutCase fallout = order.falloutCases().get(0);

        assertEquals(List.of(Action.REQUEST_CUSTOMER_INFO, Action.CANCEL_ORDER, Action.MARK_RESOLVED, Action.ESCALATE),
                fallout.allowedActions());
        CommandContext supervisor = new CommandContext(TENANT, "sup", "c", Set.of(Roles.OPERATIONS_SUPERVISOR));
        DomainException skip = assertThrows(DomainException.class,
                () -> order.resolveFallout(fallout.id(), supervisor, resolution(Action.SKIP_ITEM, "x"), DEADLINES, tick()));
        assertEquals(FalloutCase.FALLOUT_ACTION_NOT_ALLOWED, skip.code());
        order.resolveFallout(fallout.id(), supervisor, resolution(Action.CANCEL_ORDER, "offering cannot be built"), DEADLINES, tick());
        assertEquals(OrderStatus.CANCELLED, order.status(), "nothing was done, so nothing is compensated");
    }

    // ---- dead letters ---------------------------------------------------------------------------

    private DeadLetter deadLetter(String destination, String type) {
        return new DeadLetter("ID:" + UUID.randomUUID(), destination, type, TENANT, "c-9", null, "EXCEPTION: the consumer failed",
                4, clock, Map.of(), "{}");
    }

    @Test
    void anItemsDeadLetteredMessageFailsTheItemIntoACaseOfItsGroup() {
        CustomerOrder order = planned("ps_fiber_access");
        order.takeEvents();
        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        String attempt = ip.externalRequestId();

        order.itemMessageDeadLettered(ip.id(), attempt, deadLetter("CpqFulfillmentItem", "fulfillment-item.dispatch"), tick());

        assertEquals(FulfillmentItemStatus.FAILED, ip.status());
        assertEquals(FulfillmentItem.MESSAGE_DEAD_LETTERED, ip.failureCode());
        assertEquals(OrderStatus.FALLOUT, order.status());
        FalloutCase fallout = order.falloutCases().get(0);
        assertEquals(FulfillmentItem.MESSAGE_DEAD_LETTERED, fallout.reasonCode());
        assertEquals("ip-address-management", fallout.ownerGroup());
        assertTrue(fallout.description().contains(attempt), "the case names the request to look up: " + fallout.description());
        assertEquals(List.of(OrderEvent.MessageDeadLettered.class, OrderEvent.ItemFailed.class, OrderEvent.FellOut.class,
                OrderEvent.FalloutOpened.class), types(order.takeEvents()));

        // a dead letter of an attempt the item is past is kept as evidence only
        order.resolveFallout(fallout.id(), IP_TEAM, resolution(Action.RETRY_ITEM, "checked IPAM: nothing allocated"), DEADLINES,
                tick());
        order.takeEvents();
        order.itemMessageDeadLettered(ip.id(), attempt, deadLetter("CpqFulfillmentItem", "fulfillment-item.dispatch"), tick());
        assertEquals(List.of(OrderEvent.MessageDeadLettered.class), types(order.takeEvents()));
        assertEquals(FulfillmentItemStatus.IN_PROGRESS, ip.status());
    }

    @Test
    void aDeadLetteredStepOpensAnOrderCaseWhoseRetryAsksForTheStepAgain() {
        CustomerOrder order = capture("ps_fiber_access");
        order.validate(passing(order), "alice", tick());
        order.takeEvents();

        order.stepMessageDeadLettered(deadLetter("CpqOrderCommand", OrderEvent.PLAN_FULFILLMENT), tick());
        order.stepMessageDeadLettered(deadLetter("CpqOrderCommand", OrderEvent.PLAN_FULFILLMENT), tick());

        assertEquals(1, order.falloutCases().size(), "one case while the step waits");
        FalloutCase fallout = order.falloutCases().get(0);
        assertEquals(FalloutCase.ORDER_MANAGEMENT, fallout.ownerGroup());
        assertEquals(List.of(Action.RETRY_ITEM, Action.CANCEL_ORDER, Action.MARK_RESOLVED, Action.ESCALATE),
                fallout.allowedActions());
        CommandContext supervisor = new CommandContext(TENANT, "sup", "c", Set.of(Roles.OPERATIONS_SUPERVISOR));
        DomainException stands = assertThrows(DomainException.class,
                () -> order.resolveFallout(fallout.id(), supervisor, resolution(Action.MARK_RESOLVED, "x"), DEADLINES, tick()));
        assertEquals(CustomerOrder.FALLOUT_CAUSE_STANDS, stands.code());
        order.takeEvents();

        order.resolveFallout(fallout.id(), supervisor, resolution(Action.RETRY_ITEM, null), DEADLINES, tick());

        List<CustomerOrder.Recorded> events = order.takeEvents();
        assertEquals(List.of(OrderEvent.StepRetried.class, OrderEvent.FalloutResolved.class), types(events));
        assertEquals(OrderEvent.PLAN_FULFILLMENT, events.get(0).event().nextStep());
        order.plan(DEMO, tick());
        assertEquals(OrderStatus.IN_PROGRESS, order.status());
    }

    @Test
    void aStepCaseIsMarkedResolvedOnceTheStepRanAnyway() {
        CustomerOrder order = capture("ps_fiber_access");
        order.validate(passing(order), "alice", tick());
        order.stepMessageDeadLettered(deadLetter("CpqOrderCommand", OrderEvent.PLAN_FULFILLMENT), tick());
        FalloutCase fallout = order.falloutCases().get(0);
        order.plan(DEMO, tick());
        order.takeEvents();

        order.resolveFallout(fallout.id(), new CommandContext(TENANT, "sup", "c", Set.of(Roles.OPERATIONS_SUPERVISOR)),
                resolution(Action.MARK_RESOLVED, "planned by a later request"), DEADLINES, tick());

        assertEquals(FalloutCase.MARKED_RESOLVED, fallout.view().resolutionCode());
        assertEquals(List.of(OrderEvent.FalloutResolved.class), types(order.takeEvents()));
    }

    @Test
    void aRetryTimerThatKeepsFailingFailsItsItemIntoACase() {
        CustomerOrder order = planned("ps_fiber_access");
        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        order.takeEvents();

        order.timerFailed(new OrderTimer.AttemptDue(order.id(), ip.id(), ip.externalRequestId()), "PSQLException: down", tick());

        assertEquals(FulfillmentItemStatus.FAILED, ip.status());
        assertEquals(FulfillmentItem.TIMER_FAILED, order.falloutCases().get(0).reasonCode());
        assertEquals(List.of(OrderEvent.TimerFailed.class, OrderEvent.ItemFailed.class, OrderEvent.FellOut.class,
                OrderEvent.FalloutOpened.class), types(order.takeEvents()));
    }

    @Test
    void anotherFailingTimerOpensOneCaseForOrderManagement() {
        CustomerOrder order = planned("ps_fiber_access");
        order.takeEvents();
        OrderTimer.CompletionDue due = new OrderTimer.CompletionDue(order.id(), false, clock);

        order.timerFailed(due, "boom", tick());
        order.timerFailed(due, "boom", tick());

        assertEquals(1, order.falloutCases().size());
        assertEquals(FalloutCase.ORDER_MANAGEMENT, order.falloutCases().get(0).ownerGroup());
        assertEquals(OrderStatus.IN_PROGRESS, order.status(), "the work goes on; a person looks at the timer");
    }

    // ---- time: milestones, committed completion, jeopardy (seed 000, section 31) ----------------

    private static List<OrderMilestone> milestones(CustomerOrder order) {
        return order.milestoneViews().stream().map(MilestoneView::milestone).toList();
    }

    private static List<OrderEvent> timeEvents(List<CustomerOrder.Recorded> events) {
        return events.stream().map(CustomerOrder.Recorded::event).filter(e -> e instanceof OrderEvent.MilestoneReached
                || e instanceof OrderEvent.CompletionCommitted || e instanceof OrderEvent.JeopardyRaised
                || e instanceof OrderEvent.JeopardyCleared).toList();
    }

    @Test
    void milestonesAreReachedOnceEachAndItemMilestonesWhenEveryItemNamingThemIsDone() {
        CustomerOrder order = planned("ps_fiber_access");
        assertEquals(List.of(OrderMilestone.ORDER_CAPTURED, OrderMilestone.ORDER_VALIDATED, OrderMilestone.ORDER_DECOMPOSED,
                OrderMilestone.FULFILLMENT_STARTED), milestones(order));
        order.takeEvents();

        complete(order, "ROUTER_SHIPMENT");
        Instant shipped = clock;
        List<OrderEvent> reached = timeEvents(order.takeEvents());
        assertEquals(List.of(new OrderEvent.MilestoneReached(OrderMilestone.INSTALLATION_SCHEDULED, shipped)), reached,
                "the catalog says the router shipment schedules the installation");
        assertEquals("order.milestone-reached.v1", reached.get(0).published().type());
        for (String type : List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION", "ROUTER_CONFIGURATION",
                "SLA_MONITORING_SETUP", "BILLING_ACTIVATION")) {
            complete(order, type);
        }
        assertEquals(List.of(OrderMilestone.ORDER_CAPTURED, OrderMilestone.ORDER_VALIDATED, OrderMilestone.ORDER_DECOMPOSED,
                OrderMilestone.FULFILLMENT_STARTED, OrderMilestone.INSTALLATION_SCHEDULED, OrderMilestone.SERVICE_ACTIVATED,
                OrderMilestone.BILLING_ACTIVATED, OrderMilestone.ORDER_COMPLETED), milestones(order));
        assertEquals(shipped, order.milestoneViews().get(4).reachedAt());
        FulfillmentItem billing = item(order, "BILLING_ACTIVATION");
        order.takeEvents();
        order.itemCompleted(billing.id(), billing.externalRequestId(), billing.externalReference(), Map.of(), tick());
        assertEquals(List.of(), order.takeEvents(), "nothing is reached twice");
        assertEquals(8, order.customerView().milestones().size(), "the customer sees them");
        assertNull(order.customerView().estimatedCompletion(), "a completed order needs no estimate");
    }

    @Test
    void theCommittedCompletionIsThePlansCriticalPathOnThePolicysTimeScale() {
        CustomerOrder order = capture("ps_fiber_access");
        order.validate(passing(order), "alice", tick());
        Instant planned = tick();
        order.plan(DEMO, new SlaPolicy(0.001, 0.5), planned);

        // circuit 3 days (the longest of the first wave), router configuration 8 h, SLA monitoring 4 h, billing 2 h
        Duration path = Duration.ofDays(3).plusHours(14);
        Instant committed = planned.plusMillis(Math.round(path.toMillis() * 0.001));
        assertEquals(committed, order.committedCompletionAt());
        assertEquals(committed, order.customerView().estimatedCompletion());
        OrderEvent.CompletionCommitted commitment = timeEvents(order.takeEvents()).stream()
                .filter(OrderEvent.CompletionCommitted.class::isInstance).map(OrderEvent.CompletionCommitted.class::cast)
                .findFirst().orElseThrow();
        Instant warningAt = planned.plusMillis(Math.round(path.toMillis() * 0.001 * 0.5));
        assertEquals(new OrderTimer.CompletionDue(order.id(), false, warningAt), commitment.timer().due());
        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        assertEquals(planned.plusMillis(Duration.ofHours(2).toMillis() / 1000), ip.expectedBy(), "2 h on the time scale");
    }

    @Test
    void oneTimerPerOrderFindsTheItemsStillOutPastTheirExpectedTimeOverdueOnce() {
        CustomerOrder order = planned("ps_fiber_access");
        FulfillmentItem ip = item(order, "IP_ALLOCATION");
        FulfillmentItem shipment = item(order, "ROUTER_SHIPMENT");
        List<OrderEvent> expectations = order.takeEvents().stream().map(CustomerOrder.Recorded::event)
                .filter(OrderEvent.ExpectationSet.class::isInstance).toList();
        assertEquals(List.of(new OrderEvent.ExpectationSet(order.id(), ip.expectedBy())), expectations,
                "one timer for the three items sent: the earliest expectation (IP, 2 h)");
        assertNull(expectations.get(0).published());
        assertFalse(expectations.get(0).audited());
        complete(order, "ACCESS_CIRCUIT_PROVISIONING");
        order.takeEvents();

        order.expectationDue(ip.expectedBy().minusSeconds(1), ip.expectedBy());
        assertEquals(List.of(), order.takeEvents(), "a timer for another expectation is stale");

        Instant late = ip.expectedBy().plusSeconds(1);
        order.expectationDue(ip.expectedBy(), late);

        List<OrderEvent> events = order.takeEvents().stream().map(CustomerOrder.Recorded::event).toList();
        OrderEvent.JeopardyRaised jeopardy = (OrderEvent.JeopardyRaised) events.get(0);
        assertEquals(Jeopardy.WARNING, jeopardy.jeopardy());
        assertEquals(OrderEvent.JeopardyRaised.ITEM_OVERDUE, jeopardy.reason());
        assertEquals(ip.id(), jeopardy.itemId());
        assertEquals("order.jeopardy-raised.v1", jeopardy.published().type());
        assertEquals(new OrderEvent.ExpectationSet(order.id(), shipment.expectedBy()), events.get(1),
                "the next expectation of an item still out (the circuit is done)");
        assertEquals(Jeopardy.WARNING, order.view().jeopardy());
        assertEquals(late, ip.view().overdueSince());
        order.expectationDue(ip.expectedBy(), late.plusSeconds(1));
        assertEquals(List.of(), order.takeEvents(), "overdue once; that timer is spent");
        complete(order, "ROUTER_SHIPMENT");
        order.takeEvents();
        order.expectationDue(shipment.expectedBy(), shipment.expectedBy().plusSeconds(1));
        assertEquals(List.of(), timeEvents(order.takeEvents()), "done in time: nothing to raise, nothing more to expect");
    }

    @Test
    void theCompletionWarnsThenBreachesAndClearsWhenTheOrderCompletes() {
        CustomerOrder order = planned("ps_fiber_access");
        Instant committed = order.committedCompletionAt();
        order.takeEvents();

        order.completionDue(false, committed.minusSeconds(60), tick());
        OrderEvent.JeopardyRaised warning = (OrderEvent.JeopardyRaised) timeEvents(order.takeEvents()).get(0);
        assertEquals(OrderEvent.JeopardyRaised.COMPLETION_AT_RISK, warning.reason());
        assertEquals(new OrderTimer.CompletionDue(order.id(), true, committed), warning.timer().due(), "the breach comes next");
        order.completionDue(false, committed.minusSeconds(60), tick());
        assertEquals(List.of(), order.takeEvents(), "warned once");

        order.completionDue(true, committed, tick());
        assertEquals(Jeopardy.BREACH, order.view().jeopardy());
        assertNull(((OrderEvent.JeopardyRaised) timeEvents(order.takeEvents()).get(0)).timer());

        for (String type : List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION", "ROUTER_SHIPMENT", "ROUTER_CONFIGURATION",
                "SLA_MONITORING_SETUP", "BILLING_ACTIVATION")) {
            complete(order, type);
        }
        List<OrderEvent> last = timeEvents(order.takeEvents());
        assertEquals(new OrderEvent.JeopardyCleared(Jeopardy.BREACH, "COMPLETED"), last.get(last.size() - 1));
        assertNull(order.view().jeopardy());
        order.completionDue(true, committed, tick());
        assertEquals(List.of(), order.takeEvents(), "a completed order is in no jeopardy");
    }

    // ---- cancellation ---------------------------------------------------------------------------

    @Test
    void cancellationInFulfillmentCompensatesInReverseDependencyOrder() {
        CustomerOrder order = planned("ps_fiber_access");
        for (String type : List.of("ACCESS_CIRCUIT_PROVISIONING", "IP_ALLOCATION", "ROUTER_SHIPMENT", "ROUTER_CONFIGURATION",
                "SLA_MONITORING_SETUP")) {
            complete(order, type);
        }
        order.takeEvents(); // billing is under way

        order.requestCancellation("sup", new CancellationRequest("withdrawn", CancellationRequest.Initiator.CUSTOMER), tick());

        assertEquals(OrderStatus.CANCELLING, order.status());
        assertEquals(List.of(OrderEvent.CancellationRequested.class), types(order.takeEvents()),
                "work under way is awaited; nothing completed is reversed before what depends on it");
        complete(order, "BILLING_ACTIVATION");
        List<CustomerOrder.Recorded> billingDone = order.takeEvents();
        assertEquals(List.of("BILLING_ACTIVATION"), compensatedTypes(billingDone), "billing is reversed first");
        FulfillmentItem billing = item(order, "BILLING_ACTIVATION");
        assertEquals(order.id() + ":" + billing.id() + ":2", billing.externalRequestId());

        complete(order, "BILLING_ACTIVATION");
        assertEquals(List.of("SLA_MONITORING_SETUP"), compensatedTypes(order.takeEvents()));
        complete(order, "SLA_MONITORING_SETUP");
        assertEquals(List.of("ROUTER_CONFIGURATION"), compensatedTypes(order.takeEvents()));
        complete(order, "ROUTER_CONFIGURATION");
        assertEquals(List.of("ROUTER_SHIPMENT", "IP_ALLOCATION", "ACCESS_CIRCUIT_PROVISIONING"),
                compensatedTypes(order.takeEvents()), "the rest at once, in reverse plan order");
        complete(order, "ROUTER_SHIPMENT");
        complete(order, "IP_ALLOCATION");
        assertEquals(OrderStatus.CANCELLING, order.status());
        complete(order, "ACCESS_CIRCUIT_PROVISIONING");

        assertEquals(OrderStatus.CANCELLED, order.status());
        assertTrue(order.items().stream().allMatch(i -> i.status() == FulfillmentItemStatus.COMPENSATED));
        assertTrue(order.lines().stream().allMatch(l -> l.status() == OrderLine.Status.CANCELLED));
        List<CustomerOrder.Recorded> last = order.takeEvents();
        assertEquals(OrderEvent.Cancelled.class, last.get(last.size() - 1).event().getClass());
        assertEquals(6, ((OrderEvent.Cancelled) last.get(last.size() - 1).event()).compensatedItems());

        // asking again changes nothing
        order.requestCancellation("sup", new CancellationRequest("again", CancellationRequest.Initiator.CUSTOMER), tick());
        assertEquals(List.of(), order.takeEvents());
    }

    @Test
    void workThatCannotBeReversedIsThePointOfNoReturn() {
        CustomerOrder order = planned("ps_wireless_access");
        complete(order, "WIRELESS_SITE_SURVEY"); // a survey done is done: it has no compensation
        order.takeEvents();
        long version = order.entityVersion();

        DomainException e = assertThrows(DomainException.class, () -> order.requestCancellation("sup",
                new CancellationRequest("withdrawn", CancellationRequest.Initiator.CUSTOMER), tick()));

        assertEquals(FulfillmentItem.POINT_OF_NO_RETURN, e.code());
        assertEquals(OrderStatus.IN_PROGRESS, order.status());
        assertEquals(List.of(), order.takeEvents());
        assertNull(order.view().cancellation());
        assertEquals(version, order.entityVersion());
    }

    @Test
    void anOrderNotStartedIsCancelledAtOnceAndACompletedOneNotAtAll() {
        CustomerOrder held = capture("ps_fiber_access");
        held.validate(duplicate(held), "alice", tick());
        held.requestCancellation("sup", new CancellationRequest("duplicate entry", CancellationRequest.Initiator.INTERNAL),
                tick());
        assertEquals(OrderStatus.CANCELLED, held.status());
        assertEquals(List.of(OrderEvent.Captured.class, OrderEvent.Held.class, OrderEvent.CancellationRequested.class,
                OrderEvent.Cancelled.class), types(held.takeEvents()));

        CustomerOrder done = planned("ps_basic_router");
        complete(done, "ROUTER_SHIPMENT");
        complete(done, "BILLING_ACTIVATION");
        assertEquals(OrderStatus.COMPLETED, done.status());
        DomainException e = assertThrows(DomainException.class, () -> done.requestCancellation("sup",
                new CancellationRequest("late", CancellationRequest.Initiator.CUSTOMER), tick()));
        assertEquals(CustomerOrder.ORDER_NOT_CANCELLABLE, e.code());
    }

    // ---- validation -----------------------------------------------------------------------------

    @Test
    void aHeldDuplicateGoesOnOnlyWhenASupervisorOverridesIt() {
        CustomerOrder order = capture("ps_fiber_access");
        DomainException notHeld = assertThrows(DomainException.class, () -> order.overrideValidation("sup", "why", tick()));
        assertEquals(CustomerOrder.ORDER_NOT_HELD, notHeld.code());

        order.validate(duplicate(order), "alice", tick());
        assertEquals(OrderStatus.HELD, order.status());
        assertFalse(order.awaitsPlan());
        order.plan(DEMO, tick());
        assertEquals(List.of(), order.items(), "a held order is not planned");
        order.takeEvents();

        order.overrideValidation("sup", "a second circuit at the same site", tick());

        assertEquals(OrderStatus.VALIDATED, order.status());
        List<CustomerOrder.Recorded> events = order.takeEvents();
        OrderEvent.ValidationOverridden overridden = (OrderEvent.ValidationOverridden) events.get(0).event();
        assertEquals(List.of(OrderValidation.DUPLICATE_ORDER), overridden.overriddenBlockers());
        assertEquals(OrderEvent.PLAN_FULFILLMENT, overridden.nextStep(), "the plan is built in the next step");
        assertEquals("sup", order.view().validation().override().overriddenBy());
        assertTrue(order.awaitsPlan());
        order.plan(DEMO, tick());
        assertEquals(OrderStatus.IN_PROGRESS, order.status());
        assertThrows(DomainException.class, () -> order.overrideValidation("sup", "again", tick()));
    }

    @Test
    void aHardBlockerIsNeverOverridden() {
        CustomerOrder order = capture("ps_fiber_access");
        OrderDraft noAccount = draft(order.lines().get(0).productSpecificationId(), null);
        order.validate(OrderValidation.validate(noAccount, null, List.of(), "ORD-9"), "alice", tick());
        assertEquals(OrderStatus.HELD, order.status());

        DomainException e = assertThrows(DomainException.class, () -> order.overrideValidation("sup", "please", tick()));
        assertEquals(CustomerOrder.BLOCKER_NOT_OVERRIDABLE, e.code());
        assertEquals(OrderStatus.HELD, order.status());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static OrderDraft draft(String specificationId, String accountId) {
        String offering = "po_" + specificationId.substring(3);
        LineDraft line = new LineDraft(UUID.randomUUID(), null, null, "1", LineAction.ADD, offering, offering, specificationId,
                BigDecimal.ONE, Map.of("siteId", "SITE-1"), null);
        return new OrderDraft(OrderType.NEW, "CUST-1", accountId, UUID.randomUUID(), null, null, null, null, null, null, null,
                null, null, List.of(line));
    }

    private CustomerOrder capture(String specificationId) {
        return CustomerOrder.capture(UUID.randomUUID(), TENANT, "ORD-2026-0000001", draft(specificationId, "ACC-1"), "fp",
                "alice", "key-1", tick());
    }

    private CustomerOrder planned(String specificationId) {
        CustomerOrder order = capture(specificationId);
        order.validate(passing(order), "alice", tick());
        order.plan(DEMO, tick());
        return order;
    }

    private static OrderValidation.Outcome passing(CustomerOrder order) {
        return OrderValidation.validate(draft(order.lines().get(0).productSpecificationId(), "ACC-1"), null, List.of(), null);
    }

    private static OrderValidation.Outcome duplicate(CustomerOrder order) {
        return OrderValidation.validate(draft(order.lines().get(0).productSpecificationId(), "ACC-1"), null, List.of(),
                "ORD-2026-0000000");
    }

    private static FulfillmentItem item(CustomerOrder order, String type) {
        return order.items().stream().filter(i -> i.itemType().equals(type)).findFirst().orElseThrow();
    }

    /** The item's system reports its work (or its compensation) done. */
    private void complete(CustomerOrder order, String type) {
        FulfillmentItem item = item(order, type);
        assertSame(item, order.itemCompleted(item.id(), item.externalRequestId(), "REF-" + type + "-" + item.externalRequestId(),
                Map.of(), tick()));
    }

    /**
     * The classes of the events, without those that keep time (milestones, the committed completion,
     * the expectation timer):
     * the scenarios below check those on their own (the "time" section).
     */
    private static List<Class<?>> types(List<CustomerOrder.Recorded> events) {
        List<Class<?>> types = new ArrayList<>();
        events.stream().map(CustomerOrder.Recorded::event).filter(e -> !(e instanceof OrderEvent.MilestoneReached)
                && !(e instanceof OrderEvent.CompletionCommitted) && !(e instanceof OrderEvent.ExpectationSet))
                .forEach(e -> types.add(e.getClass()));
        return types;
    }

    private static List<String> dispatchedTypes(List<CustomerOrder.Recorded> events) {
        return events.stream().map(r -> r.event()).filter(OrderEvent.ItemDispatched.class::isInstance)
                .map(e -> e.dispatch().itemType()).toList();
    }

    private static List<String> compensatedTypes(List<CustomerOrder.Recorded> events) {
        List<String> types = new ArrayList<>();
        events.stream().map(CustomerOrder.Recorded::event).filter(OrderEvent.CompensationDispatched.class::isInstance)
                .map(OrderEvent::dispatch).filter(Objects::nonNull).forEach(d -> types.add(d.itemType()));
        return types;
    }
}
