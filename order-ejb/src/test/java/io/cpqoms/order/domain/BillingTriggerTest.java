package io.cpqoms.order.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.catalog.api.FulfillmentStepSpecification;
import io.cpqoms.catalog.api.LineAction;
import io.cpqoms.catalog.api.LinePrice;
import io.cpqoms.catalog.api.PriceSnapshot;
import io.cpqoms.catalog.api.ProductSpecification;
import io.cpqoms.catalog.api.RecurringPeriod;
import io.cpqoms.catalog.api.RecurringTotal;
import io.cpqoms.kernel.CommandContext;
import io.cpqoms.kernel.DomainException;
import io.cpqoms.kernel.Roles;
import io.cpqoms.order.api.BillingIntegrationEvent;
import io.cpqoms.order.api.BillingTriggerKind;
import io.cpqoms.order.api.BillingTriggerStatus;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutResolution;
import io.cpqoms.order.api.FalloutResolution.Action;
import io.cpqoms.order.api.FalloutSeverity;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.OrderStatus;
import io.cpqoms.order.api.OrderType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Billing triggers through the order aggregate alone (seed 002 section 17, docs/billing.md): which
 * triggers each line action makes, created in the command that completes the line and never twice,
 * with the effective date, order, line, product and price; billing's acknowledgement and rejection,
 * idempotent and 409 when contradicting; the billing fallout case, its resolutions and the overdue
 * timer, on an order that completed without waiting for billing.
 */
class BillingTriggerTest {

    private static final String SPEC = "ps_billed";
    private static final BigDecimal MONTHLY = new BigDecimal("100.0000");
    private static final BigDecimal ONE_TIME = new BigDecimal("50.0000");
    private static final Duration TIMEOUT = Duration.ofHours(1);
    private static final CommandContext BILLING_OPERATOR = new CommandContext("acme", "bill-ops", "c-1", Set.of(Roles.OPERATIONS),
            Set.of(FalloutCase.BILLING_OPERATIONS));
    private static final CommandContext NETWORK_OPERATOR = new CommandContext("acme", "net-ops", "c-2", Set.of(Roles.OPERATIONS),
            Set.of("network-provisioning"));
    private static final FalloutDeadlines DEADLINES = new FalloutDeadlines(Duration.ofDays(3), Duration.ofHours(4));

    private Instant clock = Instant.parse("2026-03-01T23:59:50Z");
    private final List<LineDraft> drafts = new ArrayList<>();
    private final List<LinePrice> prices = new ArrayList<>();
    /** Lines acting on a product that is not billed in the installed base (the others' products charge MONTHLY). */
    private final Set<UUID> onFreeProducts = new java.util.HashSet<>();

    @Test
    void eachLineActionBillsItsEffectOnceTheLineIsComplete() {
        UUID add = line("1", LineAction.ADD, price(MONTHLY, ONE_TIME));
        UUID modify = line("2", LineAction.MODIFY, price(MONTHLY, ONE_TIME));
        UUID delete = line("3", LineAction.DELETE, price(MONTHLY, null));
        UUID suspend = line("4", LineAction.SUSPEND, price(MONTHLY, null));
        UUID resume = line("5", LineAction.RESUME, price(MONTHLY, BigDecimal.ZERO));
        UUID noChange = line("6", LineAction.NO_CHANGE, price(MONTHLY, ONE_TIME));
        UUID freeAdd = line("7", LineAction.ADD, price(BigDecimal.ZERO, BigDecimal.ZERO));
        UUID unpriced = line("8", LineAction.ADD, null);
        UUID modifiedToFree = line("9", LineAction.MODIFY, price(BigDecimal.ZERO, null));
        UUID unpricedDelete = line("10", LineAction.DELETE, null);
        UUID freeDelete = line("11", LineAction.DELETE, null);
        onFreeProducts.add(freeDelete);
        UUID freeMadePaid = line("12", LineAction.MODIFY, price(MONTHLY, null));
        onFreeProducts.add(freeMadePaid);
        UUID freeKeptFree = line("13", LineAction.MODIFY, price(BigDecimal.ZERO, null));
        onFreeProducts.add(freeKeptFree);
        CustomerOrder order = completed(planned());

        assertEquals(OrderStatus.COMPLETED, order.status());
        Map<UUID, Set<BillingTriggerKind>> kinds = order.billingTriggers().stream().collect(Collectors.groupingBy(
                BillingTrigger::orderLineId, Collectors.mapping(BillingTrigger::kind, Collectors.toSet())));
        assertEquals(Set.of(BillingTriggerKind.START_SUBSCRIPTION, BillingTriggerKind.ONE_TIME_CHARGE), kinds.get(add));
        assertEquals(Set.of(BillingTriggerKind.CHANGE_SUBSCRIPTION, BillingTriggerKind.ONE_TIME_CHARGE), kinds.get(modify));
        assertEquals(Set.of(BillingTriggerKind.STOP_SUBSCRIPTION), kinds.get(delete));
        assertEquals(Set.of(BillingTriggerKind.SUSPEND_SUBSCRIPTION), kinds.get(suspend));
        assertEquals(Set.of(BillingTriggerKind.RESUME_SUBSCRIPTION), kinds.get(resume), "no one-time charge of zero");
        assertEquals(Set.of(BillingTriggerKind.CHANGE_SUBSCRIPTION), kinds.get(modifiedToFree),
                "a product changed to a zero price is changed, not left billing the old one");
        assertNull(kinds.get(noChange), "NO_CHANGE bills nothing");
        assertNull(kinds.get(freeAdd), "nothing to start or charge at zero");
        assertNull(kinds.get(unpriced), "a line without a price of its own is billed through its children");
        assertEquals(Set.of(BillingTriggerKind.STOP_SUBSCRIPTION), kinds.get(unpricedDelete),
                "a disconnect stops the product's subscription, priced or not");
        assertEquals(List.of(new RecurringTotal(RecurringPeriod.MONTH, MONTHLY)),
                trigger(order, unpricedDelete, BillingTriggerKind.STOP_SUBSCRIPTION).recurringPrice(), "what is stopped");
        assertNull(kinds.get(freeDelete), "nothing billed, nothing to stop");
        assertEquals(Set.of(BillingTriggerKind.CHANGE_SUBSCRIPTION), kinds.get(freeMadePaid));
        assertNull(kinds.get(freeKeptFree), "free before and after");
        assertEquals(List.of(new RecurringTotal(RecurringPeriod.MONTH, BigDecimal.ZERO)),
                trigger(order, modifiedToFree, BillingTriggerKind.CHANGE_SUBSCRIPTION).recurringPrice(), "the new price");

        OrderLine addLine = order.lines().get(0);
        BillingTrigger start = trigger(order, add, BillingTriggerKind.START_SUBSCRIPTION);
        assertEquals(addLine.productId(), start.productId());
        assertEquals(order.id(), start.orderId());
        assertEquals("USD", start.currency());
        assertEquals(List.of(new RecurringTotal(RecurringPeriod.MONTH, MONTHLY)), start.recurringPrice());
        assertNull(start.oneTimeAmount());
        assertEquals(ONE_TIME, trigger(order, add, BillingTriggerKind.ONE_TIME_CHARGE).oneTimeAmount());
        assertEquals(List.of(), trigger(order, add, BillingTriggerKind.ONE_TIME_CHARGE).recurringPrice());
        assertEquals(BillingTriggerStatus.PENDING, start.status());
        assertEquals(1, start.attempt());
        assertNotNull(addLine.effectiveAt());
        assertEquals(LocalDate.ofInstant(addLine.effectiveAt(), java.time.ZoneOffset.UTC), start.effectiveDate(),
                "effective the UTC day the line took effect");
        assertEquals(addLine.effectiveAt().plus(TIMEOUT), start.acknowledgementDueAt());
    }

    @Test
    void aTriggerIsCreatedInTheCommandThatFinishesItsLinesBillingAndSentWithEverythingBillingNeeds() {
        UUID first = line("1", LineAction.ADD, price(MONTHLY, null));
        UUID second = line("2", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = planned();
        order.takeEvents();

        FulfillmentItem service = itemOf(order, first, "SERVICE_ADD");
        complete(order, service);
        assertEquals(List.of(), order.billingTriggers(), "its billing step is still out");
        FulfillmentItem billing = itemOf(order, first, "BILLING_ADD");
        complete(order, billing);
        assertEquals(1, order.billingTriggers().size(), "the first line is complete, the second is not");
        assertEquals(first, order.billingTriggers().get(0).orderLineId());
        assertEquals(OrderStatus.IN_PROGRESS, order.status());

        List<OrderEvent> events = order.takeEvents().stream().map(CustomerOrder.Recorded::event).toList();
        OrderEvent.BillingTriggerCreated created = events.stream().filter(OrderEvent.BillingTriggerCreated.class::isInstance)
                .map(OrderEvent.BillingTriggerCreated.class::cast).findFirst().orElseThrow();
        BillingIntegrationEvent.TriggerCreated sent = (BillingIntegrationEvent.TriggerCreated) created.billing().event();
        assertEquals("billing.trigger-created.v1", sent.type());
        BillingTrigger trigger = order.billingTriggers().get(0);
        assertEquals(trigger, created.billing().trigger());
        assertEquals(trigger.id(), sent.billingTriggerId());
        assertEquals(BillingTriggerKind.START_SUBSCRIPTION, sent.kind());
        assertEquals(order.id(), sent.orderId());
        assertEquals("ORD-2026-0000042", sent.orderNumber());
        assertEquals(first, sent.orderLineId());
        assertEquals("1", sent.lineNumber());
        assertEquals(order.lines().get(0).productId(), sent.productId());
        assertEquals("po_billed", sent.productOfferingId());
        assertEquals("CUST-1", sent.customerId());
        assertEquals("ACC-1", sent.accountId());
        assertEquals(order.price().priceSnapshotId(), sent.priceSnapshotId());
        assertEquals(List.of(new RecurringTotal(RecurringPeriod.MONTH, MONTHLY)), sent.recurringPrice());
        assertEquals("BILLING_TRIGGER_CREATED", created.action());
        assertEquals(new OrderTimer.BillingAcknowledgementDue(order.id(), trigger.id(), trigger.acknowledgementDueAt()),
                created.timer().due());

        completeAll(order);
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(Set.of(first, second), order.billingTriggers().stream().map(BillingTrigger::orderLineId)
                .collect(Collectors.toSet()));
        assertEquals(second, order.billingTriggers().get(1).orderLineId());
    }

    @Test
    void aLinesBillingWaitsForItsItemsOnTheBillingSystemOnlyOrForAllItsItemsWithoutOne() {
        UUID delete = line("1", LineAction.DELETE, price(MONTHLY, null));
        UUID suspend = line("2", LineAction.SUSPEND, price(MONTHLY, null));
        CustomerOrder order = planned();

        complete(order, itemOf(order, delete, "SERVICE_DELETE"));
        assertEquals(List.of(), order.billingTriggers());
        Instant stopped = clock.plusSeconds(3);
        complete(order, itemOf(order, delete, "BILLING_DELETE"));
        OrderLine deleteLine = order.lines().get(0);
        assertEquals(OrderLine.Status.IN_PROGRESS, deleteLine.status(), "the equipment is still to come back");
        assertEquals(stopped, deleteLine.effectiveAt(), "billing stopped: the line took effect");
        assertEquals(Set.of(BillingTriggerKind.STOP_SUBSCRIPTION), kinds(order, delete));
        complete(order, itemOf(order, delete, "RETURN_DELETE"));
        assertEquals(OrderLine.Status.COMPLETED, deleteLine.status());
        assertEquals(stopped, deleteLine.effectiveAt(), "once");
        assertEquals(1, order.billingTriggers().size());

        assertEquals(Set.of(), kinds(order, suspend), "a line without billing items waits for all of them");
        completeAll(order);
        assertEquals(Set.of(BillingTriggerKind.SUSPEND_SUBSCRIPTION), kinds(order, suspend));
        assertEquals(OrderStatus.COMPLETED, order.status());
    }

    @Test
    void theOrdersCompletionComesAfterItsLastLinesTriggersInTheSameCommand() {
        line("1", LineAction.ADD, price(MONTHLY, ONE_TIME));
        CustomerOrder order = planned();
        order.takeEvents();
        completeAll(order);
        List<OrderEvent> events = order.takeEvents().stream().map(CustomerOrder.Recorded::event).toList();
        int lastTrigger = -1;
        int completion = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof OrderEvent.BillingTriggerCreated) {
                lastTrigger = i;
            }
            if (events.get(i) instanceof OrderEvent.Completed) {
                completion = i;
            }
        }
        assertTrue(lastTrigger >= 0 && lastTrigger < completion, "triggers before order.completed, the order's last event");
        assertEquals(2, events.stream().filter(OrderEvent.BillingTriggerCreated.class::isInstance).count());
    }

    @Test
    void aRedeliveredCompletionReportCreatesNoSecondTrigger() {
        line("1", LineAction.ADD, price(MONTHLY, ONE_TIME));
        CustomerOrder order = completed(planned());
        order.takeEvents();
        order.takeCreated();
        FulfillmentItem last = itemOf(order, order.lines().get(0).id(), "BILLING_ADD");
        order.itemCompleted(last.id(), last.externalRequestId(), last.externalReference(), Map.of(), tick());
        assertEquals(2, order.billingTriggers().size());
        assertEquals(List.of(), order.takeCreated());
        assertEquals(List.of(), order.takeEvents());
    }

    @Test
    void anAcknowledgementIsRecordedOnceAndAContradictingAnswerIsRefused() {
        line("1", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = completed(planned());
        BillingTrigger trigger = order.billingTriggers().get(0);
        order.takeEvents();

        order.acknowledgeBilling(trigger.id(), " BIL-1 ", "system:erp", tick());
        assertEquals(BillingTriggerStatus.ACKNOWLEDGED, trigger.status());
        assertEquals("BIL-1", trigger.billingReference());
        assertNull(trigger.acknowledgementDueAt(), "nothing waits any more");
        List<OrderEvent> events = order.takeEvents().stream().map(CustomerOrder.Recorded::event).toList();
        assertEquals(1, events.size());
        OrderEvent.BillingTriggerAcknowledged acknowledged = (OrderEvent.BillingTriggerAcknowledged) events.get(0);
        BillingIntegrationEvent.TriggerAcknowledged published = (BillingIntegrationEvent.TriggerAcknowledged) acknowledged.billing().event();
        assertEquals("billing.trigger-acknowledged.v1", published.type());
        assertEquals("BIL-1", published.billingReference());
        assertEquals(OrderStatus.COMPLETED, order.status(), "the order is not changed by billing's answer");

        order.acknowledgeBilling(trigger.id(), "BIL-1", "system:erp", tick());
        assertEquals(List.of(), order.takeEvents(), "the same acknowledgement again changes nothing");

        DomainException other = assertThrows(DomainException.class,
                () -> order.acknowledgeBilling(trigger.id(), "BIL-2", "system:erp", tick()));
        assertEquals(DomainException.Kind.CONFLICT, other.kind());
        assertEquals(BillingTrigger.BILLING_ANSWER_CONFLICT, other.code());
        DomainException rejection = assertThrows(DomainException.class,
                () -> order.rejectBilling(trigger.id(), "ACCOUNT_CLOSED", null, "system:erp", tick()));
        assertEquals(BillingTrigger.BILLING_ANSWER_CONFLICT, rejection.code());
        assertEquals(List.of(), order.takeEvents());
    }

    @Test
    void anAnswerForAnUnknownTriggerIs404AndAnAnswerWithoutItsReferenceOrCode400() {
        line("1", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = completed(planned());
        DomainException unknown = assertThrows(DomainException.class,
                () -> order.acknowledgeBilling(UUID.randomUUID(), "BIL-1", "system:erp", tick()));
        assertEquals(DomainException.Kind.NOT_FOUND, unknown.kind());
        assertEquals(BillingTrigger.BILLING_TRIGGER_NOT_FOUND, unknown.code());
        UUID id = order.billingTriggers().get(0).id();
        assertEquals(BillingTrigger.INVALID_BILLING_ANSWER,
                assertThrows(DomainException.class, () -> order.acknowledgeBilling(id, " ", "system:erp", tick())).code());
        assertEquals(BillingTrigger.INVALID_BILLING_ANSWER,
                assertThrows(DomainException.class, () -> order.rejectBilling(id, null, "why", "system:erp", tick())).code());
        assertEquals(BillingTriggerStatus.PENDING, order.billingTriggers().get(0).status());
    }

    @Test
    void aRejectionOpensABillingCaseOnTheCompletedOrderAndIsRecordedOnce() {
        UUID lineId = line("1", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = completed(planned());
        BillingTrigger trigger = order.billingTriggers().get(0);
        order.takeEvents();
        order.takeCreated();

        order.rejectBilling(trigger.id(), "ACCOUNT_NOT_FOUND", "no billing account ACC-1", "system:erp", tick());
        assertEquals(BillingTriggerStatus.REJECTED, trigger.status());
        assertEquals(OrderStatus.COMPLETED, order.status(), "the order completed with its fulfillment; billing lives on");
        FalloutCase fallout = order.falloutCases().get(0);
        assertEquals(FalloutCase.BILLING_REJECTED, fallout.reasonCode());
        assertEquals(FalloutCase.BILLING_OPERATIONS, fallout.ownerGroup());
        assertEquals(FalloutSeverity.HIGH, fallout.severity());
        assertEquals(trigger.id(), fallout.billingTriggerId());
        assertEquals(lineId, fallout.view().orderLineId());
        assertNull(fallout.fulfillmentItemId());
        assertEquals(List.of(Action.RESEND_BILLING_TRIGGER, Action.MARK_RESOLVED, Action.ESCALATE), fallout.allowedActions());
        assertTrue(fallout.description().contains("ACCOUNT_NOT_FOUND"), fallout.description());
        assertEquals(List.of(fallout), order.takeCreated());
        List<OrderEvent> events = order.takeEvents().stream().map(CustomerOrder.Recorded::event).toList();
        assertEquals(2, events.size());
        BillingIntegrationEvent.TriggerRejected rejected = (BillingIntegrationEvent.TriggerRejected)
                ((OrderEvent.BillingTriggerRejected) events.get(0)).billing().event();
        assertEquals("billing.trigger-rejected.v1", rejected.type());
        assertEquals(fallout.id(), rejected.falloutCaseId());
        assertEquals("ACCOUNT_NOT_FOUND", rejected.rejectionCode());
        assertTrue(events.get(1) instanceof OrderEvent.FalloutOpened);

        order.rejectBilling(trigger.id(), "ACCOUNT_NOT_FOUND", "again", "system:erp", tick());
        assertEquals(List.of(), order.takeEvents(), "the same rejection again changes nothing");
        assertEquals(1, order.falloutCases().size());
        assertEquals(BillingTrigger.BILLING_ANSWER_CONFLICT, assertThrows(DomainException.class,
                () -> order.rejectBilling(trigger.id(), "CREDIT_HOLD", null, "system:erp", tick())).code());
        assertEquals(BillingTrigger.BILLING_ANSWER_CONFLICT, assertThrows(DomainException.class,
                () -> order.acknowledgeBilling(trigger.id(), "BIL-1", "system:erp", tick())).code());
    }

    @Test
    void billingOperationsSendTheRejectedTriggerAgainAsANewAttempt() {
        line("1", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = completed(planned());
        BillingTrigger trigger = order.billingTriggers().get(0);
        order.rejectBilling(trigger.id(), "ACCOUNT_NOT_FOUND", null, "system:erp", tick());
        FalloutCase fallout = order.falloutCases().get(0);
        order.takeEvents();

        assertEquals(CustomerOrder.NOT_IN_OWNER_GROUP, assertThrows(DomainException.class, () -> order.resolveFallout(fallout.id(),
                NETWORK_OPERATOR, new FalloutResolution(Action.RESEND_BILLING_TRIGGER, "fixed", null), DEADLINES, tick())).code());
        assertEquals(CustomerOrder.FALLOUT_NOTE_REQUIRED, assertThrows(DomainException.class, () -> order.resolveFallout(
                fallout.id(), BILLING_OPERATOR, new FalloutResolution(Action.RESEND_BILLING_TRIGGER, null, null), DEADLINES,
                tick())).code());
        assertEquals(FalloutCase.FALLOUT_ACTION_NOT_ALLOWED, assertThrows(DomainException.class, () -> order.resolveFallout(
                fallout.id(), BILLING_OPERATOR, new FalloutResolution(Action.RETRY_ITEM, null, null), DEADLINES, tick())).code());

        Instant resent = tick();
        order.resolveFallout(fallout.id(), BILLING_OPERATOR, new FalloutResolution(Action.RESEND_BILLING_TRIGGER,
                "billing account ACC-1 opened in ERP", null), DEADLINES, resent);
        assertEquals(BillingTriggerStatus.PENDING, trigger.status());
        assertEquals(2, trigger.attempt());
        assertNull(trigger.rejectionCode());
        assertEquals(resent.plus(TIMEOUT), trigger.acknowledgementDueAt());
        assertEquals(FalloutCaseStatus.RESOLVED, fallout.status());
        assertEquals(FalloutCase.BILLING_TRIGGER_RESENT, fallout.view().resolutionCode());
        assertEquals(OrderStatus.COMPLETED, order.status());
        List<OrderEvent> events = order.takeEvents().stream().map(CustomerOrder.Recorded::event).toList();
        OrderEvent.BillingTriggerResent resend = (OrderEvent.BillingTriggerResent) events.get(0);
        BillingIntegrationEvent.TriggerResent sent = (BillingIntegrationEvent.TriggerResent) resend.billing().event();
        assertEquals("billing.trigger-resent.v1", sent.type());
        assertEquals(2, sent.attempt());
        assertEquals(trigger.id(), sent.billingTriggerId());
        assertEquals(trigger.effectiveDate(), sent.effectiveDate(), "the same business date: the trigger is unchanged");
        assertEquals(new OrderTimer.BillingAcknowledgementDue(order.id(), trigger.id(), trigger.acknowledgementDueAt()),
                resend.timer().due());
        assertTrue(events.get(1) instanceof OrderEvent.FalloutResolved);

        order.acknowledgeBilling(trigger.id(), "BIL-7", "system:erp", tick());
        assertEquals(BillingTriggerStatus.ACKNOWLEDGED, trigger.status());
    }

    @Test
    void aBillingCaseSettledOutsideIsMarkedResolvedWithANote() {
        line("1", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = completed(planned());
        BillingTrigger trigger = order.billingTriggers().get(0);
        order.rejectBilling(trigger.id(), "DUPLICATE", null, "system:erp", tick());
        FalloutCase fallout = order.falloutCases().get(0);
        order.resolveFallout(fallout.id(), BILLING_OPERATOR, new FalloutResolution(Action.MARK_RESOLVED,
                "subscription already set up by hand as SUB-9", null), DEADLINES, tick());
        assertEquals(FalloutCaseStatus.RESOLVED, fallout.status());
        assertEquals(BillingTriggerStatus.REJECTED, trigger.status(), "billing's answer stands");
        assertEquals(OrderStatus.COMPLETED, order.status());
    }

    @Test
    void anUnansweredTriggerOpensACaseOnItsTimerOnceAndALateAnswerClosesIt() {
        line("1", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = completed(planned());
        BillingTrigger trigger = order.billingTriggers().get(0);
        Instant due = trigger.acknowledgementDueAt();
        order.takeEvents();

        order.billingAcknowledgementDue(trigger.id(), due.minusSeconds(1), tick());
        assertEquals(List.of(), order.falloutCases(), "a timer of another attempt finds nothing to do");
        order.billingAcknowledgementDue(trigger.id(), due, tick());
        FalloutCase fallout = order.falloutCases().get(0);
        assertEquals(FalloutCase.BILLING_UNACKNOWLEDGED, fallout.reasonCode());
        assertEquals(FalloutSeverity.MEDIUM, fallout.severity());
        assertEquals(FalloutCase.BILLING_OPERATIONS, fallout.ownerGroup());
        assertEquals(trigger.id(), fallout.billingTriggerId());
        List<OrderEvent> events = order.takeEvents().stream().map(CustomerOrder.Recorded::event).toList();
        assertEquals("BILLING_TRIGGER_OVERDUE", events.get(0).action());
        assertTrue(events.get(1) instanceof OrderEvent.FalloutOpened);

        order.billingAcknowledgementDue(trigger.id(), due, tick());
        assertEquals(1, order.falloutCases().size(), "a timer fired again opens no second case");
        assertEquals(List.of(), order.takeEvents());

        order.acknowledgeBilling(trigger.id(), "BIL-3", "system:erp", tick());
        assertEquals(FalloutCaseStatus.RESOLVED, fallout.status());
        assertEquals(FalloutCase.BILLING_ANSWERED, fallout.view().resolutionCode());
        order.billingAcknowledgementDue(trigger.id(), due, tick());
        assertEquals(1, order.falloutCases().size(), "an answered trigger waits for nothing");
    }

    @Test
    void anUnansweredTriggerCanBeSentAgainAndARejectionSupersedesTheWaitingCase() {
        line("1", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = completed(planned());
        BillingTrigger trigger = order.billingTriggers().get(0);
        order.billingAcknowledgementDue(trigger.id(), trigger.acknowledgementDueAt(), tick());
        FalloutCase waiting = order.falloutCases().get(0);
        order.resolveFallout(waiting.id(), BILLING_OPERATOR, new FalloutResolution(Action.RESEND_BILLING_TRIGGER,
                "ERP lost the message", null), DEADLINES, tick());
        assertEquals(2, trigger.attempt());
        assertEquals(BillingTriggerStatus.PENDING, trigger.status());

        order.billingAcknowledgementDue(trigger.id(), trigger.acknowledgementDueAt(), tick());
        FalloutCase again = order.falloutCases().get(1);
        order.rejectBilling(trigger.id(), "ACCOUNT_CLOSED", null, "system:erp", tick());
        assertEquals(FalloutCaseStatus.RESOLVED, again.status(), "billing answered: the waiting case closes");
        FalloutCase rejected = order.falloutCases().get(2);
        assertEquals(FalloutCase.BILLING_REJECTED, rejected.reasonCode());
        assertTrue(rejected.isOpen());
    }

    @Test
    void aLineCompletingWhileTheOrderIsCancellingIsNotBilled() {
        UUID lineId = line("1", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = planned();
        FulfillmentItem service = itemOf(order, lineId, "SERVICE_ADD");
        complete(order, service);
        FulfillmentItem billing = itemOf(order, lineId, "BILLING_ADD");
        order.requestCancellation("sup", new io.cpqoms.order.api.CancellationRequest("customer withdrew",
                io.cpqoms.order.api.CancellationRequest.Initiator.CUSTOMER), tick());
        assertEquals(OrderStatus.CANCELLING, order.status());
        order.itemCompleted(billing.id(), billing.externalRequestId(), "REF-LATE", Map.of(), tick());
        assertEquals(List.of(), order.billingTriggers());
    }

    @Test
    void anOrderCancelledAfterALineWasBilledStopsTheSubscriptionItStarted() {
        UUID billed = line("1", LineAction.ADD, price(MONTHLY, ONE_TIME));
        UUID refused = line("2", LineAction.ADD, price(MONTHLY, null));
        UUID unbilled = line("3", LineAction.ADD, price(MONTHLY, null));
        CustomerOrder order = planned();
        for (UUID lineId : List.of(billed, refused)) {
            complete(order, itemOf(order, lineId, "SERVICE_ADD"));
            complete(order, itemOf(order, lineId, "BILLING_ADD"));
        }
        BillingTrigger start = trigger(order, billed, BillingTriggerKind.START_SUBSCRIPTION);
        order.rejectBilling(trigger(order, refused, BillingTriggerKind.START_SUBSCRIPTION).id(), "ACCOUNT_CLOSED", null,
                "system:erp", tick());
        order.requestCancellation("sup", new io.cpqoms.order.api.CancellationRequest("customer withdrew",
                io.cpqoms.order.api.CancellationRequest.Initiator.CUSTOMER), tick());
        for (int round = 0; round < 10 && order.status() == OrderStatus.CANCELLING; round++) {
            for (FulfillmentItem item : order.items()) {
                if (item.status() == FulfillmentItemStatus.IN_PROGRESS || item.status() == FulfillmentItemStatus.COMPENSATING) {
                    order.itemCompleted(item.id(), item.externalRequestId(), "REF-" + item.externalRequestId(), Map.of(), tick());
                }
            }
        }
        assertEquals(OrderStatus.CANCELLED, order.status());

        BillingTrigger stop = trigger(order, billed, BillingTriggerKind.STOP_SUBSCRIPTION);
        assertEquals(start.productId(), stop.productId());
        assertEquals(start.recurringPrice(), stop.recurringPrice());
        assertEquals(BillingTriggerStatus.PENDING, stop.status());
        assertEquals(LocalDate.ofInstant(clock, java.time.ZoneOffset.UTC), stop.effectiveDate());
        assertEquals(Set.of(BillingTriggerKind.START_SUBSCRIPTION, BillingTriggerKind.ONE_TIME_CHARGE,
                BillingTriggerKind.STOP_SUBSCRIPTION), order.billingTriggers().stream().filter(t -> t.orderLineId().equals(billed))
                .map(BillingTrigger::kind).collect(Collectors.toSet()), "the one-time charge is not taken back by a trigger");
        assertEquals(Set.of(BillingTriggerKind.START_SUBSCRIPTION), order.billingTriggers().stream()
                .filter(t -> t.orderLineId().equals(refused)).map(BillingTrigger::kind).collect(Collectors.toSet()),
                "billing refused to start it: nothing to stop");
        assertTrue(order.billingTriggers().stream().noneMatch(t -> t.orderLineId().equals(unbilled)), "never billed");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * A specification whose every action but NO_CHANGE has a service step and, but for SUSPEND, a billing
     * step after it; DELETE also returns equipment after the service step, alongside billing.
     */
    private static Map<String, ProductSpecification> catalog() {
        List<FulfillmentStepSpecification> steps = new ArrayList<>();
        for (LineAction action : LineAction.values()) {
            if (action != LineAction.NO_CHANGE) {
                steps.add(new FulfillmentStepSpecification(action, "SERVICE_" + action, "network-provisioning", List.of(),
                        "UNDO_SERVICE_" + action, 3, null, null));
            }
            if (action != LineAction.NO_CHANGE && action != LineAction.SUSPEND) {
                steps.add(new FulfillmentStepSpecification(action, "BILLING_" + action, FulfillmentPlan.BILLING_SYSTEM,
                        List.of("SERVICE_" + action), "UNDO_BILLING_" + action, 3, null, null));
            }
        }
        steps.add(new FulfillmentStepSpecification(LineAction.DELETE, "RETURN_DELETE", "logistics", List.of("SERVICE_DELETE"),
                "RESHIP_DELETE", 3, null, null));
        return Map.of(SPEC, new ProductSpecification(SPEC, "Billed", null, null, List.of(), steps, null, List.of()));
    }

    private LinePrice price(BigDecimal monthly, BigDecimal oneTime) {
        LinePrice price = new LinePrice("line-" + prices.size(), "po_billed", BigDecimal.ONE, List.of(), oneTime,
                List.of(new RecurringTotal(RecurringPeriod.MONTH, monthly)));
        prices.add(price);
        return price;
    }

    private UUID line(String number, LineAction action, LinePrice price) {
        UUID id = UUID.randomUUID();
        drafts.add(new LineDraft(id, null, null, number, action, "po_billed", "Billed product", SPEC, BigDecimal.ONE, Map.of(),
                price, UUID.randomUUID(), action == LineAction.ADD ? null : 3L));
        return id;
    }

    private CustomerOrder planned() {
        PriceSnapshot snapshot = new PriceSnapshot(UUID.randomUUID(), UUID.randomUUID(), clock, "USD", prices,
                ONE_TIME, List.of());
        OrderDraft draft = new OrderDraft(OrderType.NEW, "CUST-1", "ACC-1", UUID.randomUUID(), null, null, null, null, null,
                null, null, null, snapshot, drafts);
        CustomerOrder order = CustomerOrder.capture(UUID.randomUUID(), "acme", "ORD-2026-0000042", draft, "fp", "alice", null,
                tick());
        order.billingPolicy(new BillingPolicy(TIMEOUT));
        order.productsLoaded(products());
        order.validate(OrderValidation.validate(draft, null, List.of(), null), "alice", tick());
        order.plan(catalog(), tick());
        assertEquals(OrderStatus.IN_PROGRESS, order.status());
        return order;
    }

    /** The installed products the lines other than ADD act on: ACTIVE, or SUSPENDED for a RESUME, charging MONTHLY or nothing. */
    private Map<UUID, ProductAsset> products() {
        Map<UUID, ProductAsset> products = new java.util.HashMap<>();
        for (LineDraft line : drafts) {
            if (line.action() != LineAction.ADD) {
                List<RecurringTotal> charged = onFreeProducts.contains(line.id()) ? List.of()
                        : List.of(new RecurringTotal(RecurringPeriod.MONTH, MONTHLY));
                ProductAsset product = ProductAsset.install(new ProductAsset.Installation(line.productId(), "acme", "CUST-1",
                        "ACC-1", null, "po_billed", "Billed product", SPEC, BigDecimal.ONE, Map.of(), "USD", charged,
                        LocalDate.parse("2026-01-10"), new ProductAsset.OrderRef(UUID.randomUUID(), "ORD-2026-0000001",
                                UUID.randomUUID()), null, null, null), clock);
                if (line.action() == LineAction.RESUME) {
                    product.suspend(new ProductAsset.OrderRef(UUID.randomUUID(), "ORD-2026-0000002", UUID.randomUUID()), clock);
                }
                products.put(product.id(), product);
            }
        }
        return products;
    }

    private CustomerOrder completed(CustomerOrder order) {
        completeAll(order);
        assertEquals(OrderStatus.COMPLETED, order.status());
        return order;
    }

    private void completeAll(CustomerOrder order) {
        for (int round = 0; round < 10 && order.status() == OrderStatus.IN_PROGRESS; round++) {
            for (FulfillmentItem item : order.items()) {
                if (item.status() == FulfillmentItemStatus.IN_PROGRESS) {
                    complete(order, item);
                }
            }
        }
    }

    private void complete(CustomerOrder order, FulfillmentItem item) {
        assertEquals(FulfillmentItemStatus.IN_PROGRESS, item.status(), item.itemType());
        order.itemCompleted(item.id(), item.externalRequestId(), "REF-" + item.itemType(), Map.of(), tick());
    }

    private static FulfillmentItem itemOf(CustomerOrder order, UUID lineId, String itemType) {
        return order.items().stream().filter(i -> i.orderLineId().equals(lineId) && i.itemType().equals(itemType)).findFirst()
                .orElseThrow();
    }

    private static Set<BillingTriggerKind> kinds(CustomerOrder order, UUID lineId) {
        return order.billingTriggers().stream().filter(t -> t.orderLineId().equals(lineId)).map(BillingTrigger::kind)
                .collect(Collectors.toSet());
    }

    private static BillingTrigger trigger(CustomerOrder order, UUID lineId, BillingTriggerKind kind) {
        return order.billingTriggers().stream().filter(t -> t.orderLineId().equals(lineId) && t.kind() == kind).findFirst()
                .orElseThrow();
    }

    private Instant tick() {
        clock = clock.plusSeconds(3);
        return clock;
    }
}
