package io.cpqoms.order.domain;

import static io.cpqoms.order.domain.Items.NOW;
import static io.cpqoms.order.domain.Items.ORDER;
import static io.cpqoms.order.domain.Items.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.FulfillmentDispatch;
import io.cpqoms.order.api.FulfillmentItemStatus;
import io.cpqoms.order.api.FulfillmentItemView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FulfillmentItemTest {

    private static final Instant LATER = NOW.plusSeconds(60);

    private static FulfillmentItem dispatched() {
        FulfillmentItem item = item(1, "ACCESS_CIRCUIT_PROVISIONING");
        item.dispatch("acme", "ORD-000001", NOW);
        return item;
    }

    private static DomainException refused(Executable call, String code) {
        DomainException e = assertThrows(DomainException.class, call);
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(code, e.code(), e::getMessage);
        return e;
    }

    // --- planned ----------------------------------------------------------------------------

    @Test
    void aPlannedItemWaitsWithItsDependenciesAndInput() {
        FulfillmentItem first = item(1, "ROUTER_SHIPMENT");
        FulfillmentItem second = item(2, "ROUTER_CONFIGURATION", first);

        assertEquals(FulfillmentItemStatus.PENDING, second.status());
        assertEquals(Set.of(first.id()), second.dependsOn());
        assertEquals(Map.of("lineNumber", "1", "characteristic.siteId", "SITE-1"), second.input());
        assertNull(second.externalRequestId());
        FulfillmentItemView view = second.view();
        assertEquals(ORDER, view.orderId());
        assertEquals(3, view.maxRetryCount());
        assertEquals(1, view.attemptGroup());
        assertEquals(0, view.retryCount());
        assertEquals("UNDO_ROUTER_CONFIGURATION", view.compensationAction());
    }

    // --- dispatch ---------------------------------------------------------------------------

    @Test
    void dispatchStartsTheFirstAttemptUnderADerivedRequestId() {
        FulfillmentItem item = item(1, "ACCESS_CIRCUIT_PROVISIONING");

        FulfillmentDispatch dispatch = item.dispatch("acme", "ORD-000001", NOW);

        assertEquals(FulfillmentItemStatus.IN_PROGRESS, item.status());
        String expected = ORDER + ":" + item.id() + ":1";
        assertEquals(expected, item.externalRequestId());
        assertEquals(new FulfillmentDispatch("acme", ORDER, "ORD-000001", item.id(), "ACCESS_CIRCUIT_PROVISIONING",
                "network-provisioning", "ADD", expected, 1, item.input(), false), dispatch);
        assertEquals(NOW, item.view().dispatchedAt());
    }

    @Test
    void anItemInProgressCannotBeDispatchedAgain() {
        FulfillmentItem item = dispatched();
        refused(() -> item.dispatch("acme", "ORD-000001", LATER), FulfillmentItem.ITEM_TRANSITION_NOT_ALLOWED);
        assertEquals(FulfillmentItemStatus.IN_PROGRESS, item.status());
    }

    // --- completion -------------------------------------------------------------------------

    @Test
    void completionRecordsTheExternalReference() {
        FulfillmentItem item = dispatched();

        assertTrue(item.complete(item.externalRequestId(), "NETW-1", Map.of("circuitId", "C-9"), LATER));

        assertEquals(FulfillmentItemStatus.COMPLETED, item.status());
        assertEquals("NETW-1", item.externalReference());
        assertEquals(LATER, item.view().completedAt());
    }

    @Test
    void theSameCompletionReportedAgainChangesNothing() {
        FulfillmentItem item = dispatched();
        item.complete(item.externalRequestId(), "NETW-1", Map.of(), LATER);

        assertFalse(item.complete(item.externalRequestId(), "NETW-1", Map.of(), LATER.plusSeconds(5)));

        assertEquals(FulfillmentItemStatus.COMPLETED, item.status());
        assertEquals(LATER, item.view().completedAt());
    }

    @Test
    void aCompletionWithAnotherReferenceContradictsTheRecordedOne() {
        FulfillmentItem item = dispatched();
        item.complete(item.externalRequestId(), "NETW-1", Map.of(), LATER);

        DomainException e = refused(() -> item.complete(item.externalRequestId(), "NETW-2", Map.of(), LATER),
                FulfillmentItem.ITEM_OUTCOME_CONFLICT);
        assertTrue(e.getMessage().contains("NETW-1") && e.getMessage().contains("NETW-2"), e.getMessage());
        assertEquals("NETW-1", item.externalReference());
    }

    @Test
    void aReportForAnotherAttemptIsStale() {
        FulfillmentItem item = dispatched();
        String stale = ORDER + ":" + item.id() + ":0";

        refused(() -> item.complete(stale, "NETW-1", Map.of(), LATER), FulfillmentItem.STALE_ATTEMPT);
        refused(() -> item.fail(stale, "RESOURCE_UNAVAILABLE", "no", LATER), FulfillmentItem.STALE_ATTEMPT);
        assertEquals(FulfillmentItemStatus.IN_PROGRESS, item.status());
        assertNull(item.externalReference());
    }

    @Test
    void aPendingItemCannotComplete() {
        FulfillmentItem item = item(1, "IP_ALLOCATION");
        refused(() -> item.complete(null, "IPAM-1", Map.of(), NOW), FulfillmentItem.ITEM_TRANSITION_NOT_ALLOWED);
        assertEquals(FulfillmentItemStatus.PENDING, item.status());
    }

    @Test
    void aReportForAPendingItemNamesNoKnownAttempt() {
        FulfillmentItem item = item(1, "IP_ALLOCATION");
        refused(() -> item.complete(ORDER + ":" + item.id() + ":1", "IPAM-1", Map.of(), NOW), FulfillmentItem.STALE_ATTEMPT);
    }

    // --- failure ----------------------------------------------------------------------------

    @Test
    void failureRecordsItsCodeOnce() {
        FulfillmentItem item = dispatched();

        assertTrue(item.fail(item.externalRequestId(), "RESOURCE_UNAVAILABLE", "no port", LATER));
        assertEquals(FulfillmentItemStatus.FAILED, item.status());
        assertEquals("RESOURCE_UNAVAILABLE", item.failureCode());

        assertFalse(item.fail(item.externalRequestId(), "RESOURCE_UNAVAILABLE", "no port", LATER));
        refused(() -> item.fail(item.externalRequestId(), "TIMEOUT", "late", LATER), FulfillmentItem.ITEM_OUTCOME_CONFLICT);
        assertEquals("RESOURCE_UNAVAILABLE", item.failureCode());
    }

    @Test
    void aCompletedItemCannotFail() {
        FulfillmentItem item = dispatched();
        item.complete(item.externalRequestId(), "NETW-1", Map.of(), LATER);

        refused(() -> item.fail(item.externalRequestId(), "RESOURCE_UNAVAILABLE", "late report", LATER),
                FulfillmentItem.ITEM_TRANSITION_NOT_ALLOWED);
        assertEquals(FulfillmentItemStatus.COMPLETED, item.status());
        assertNull(item.failureCode());
    }

    @Test
    void aFailedItemCannotComplete() {
        FulfillmentItem item = dispatched();
        item.fail(item.externalRequestId(), "RESOURCE_UNAVAILABLE", "no port", LATER);

        refused(() -> item.complete(item.externalRequestId(), "NETW-1", Map.of(), LATER),
                FulfillmentItem.ITEM_OUTCOME_CONFLICT);
        assertEquals(FulfillmentItemStatus.FAILED, item.status());
        assertNull(item.externalReference());
    }

    @Test
    void theViewListsTheDependencies() {
        FulfillmentItem a = item(1, "A");
        FulfillmentItem b = item(2, "B");
        FulfillmentItem c = item(3, "C", a, b);
        assertEquals(Set.copyOf(List.of(a.id(), b.id())), Set.copyOf(c.view().dependsOn()));
    }

    // --- retry, cancellation, compensation, break-glass ---------------------------------------

    @Test
    void aRetrySendsAFailedItemAgainAsANewAttempt() {
        FulfillmentItem item = dispatched();
        String first = item.externalRequestId();
        item.fail(first, "RESOURCE_UNAVAILABLE", "no port", LATER);

        FulfillmentDispatch retry = item.retry("acme", "ORD-000001", LATER);

        assertEquals(FulfillmentItemStatus.IN_PROGRESS, item.status());
        assertEquals(ORDER + ":" + item.id() + ":2", retry.externalRequestId());
        assertEquals(2, retry.attemptGroup());
        assertEquals("ADD", retry.action());
        assertNull(item.failureCode(), "the failure belongs to the attempt before");
        refused(() -> item.complete(first, "NETW-1", Map.of(), LATER), FulfillmentItem.STALE_ATTEMPT);
        assertTrue(item.complete(retry.externalRequestId(), "NETW-2", Map.of(), LATER));
    }

    @Test
    void onlyAFailedItemOrCompensationIsRetried() {
        FulfillmentItem item = dispatched();
        refused(() -> item.retry("acme", "ORD-000001", LATER), FulfillmentItem.ITEM_NOT_RETRYABLE);
        assertEquals(1, item.view().attemptGroup());
    }

    @Test
    void onlyWorkNotStartedIsCancelled() {
        FulfillmentItem pending = item(1, "A");
        FulfillmentItem running = dispatched();
        FulfillmentItem failed = Items.failed(item(2, "B"));

        assertTrue(pending.cancel(LATER));
        assertTrue(failed.cancel(LATER));
        assertFalse(running.cancel(LATER), "work under way is awaited");
        assertEquals(FulfillmentItemStatus.CANCELLED, pending.status());
        assertEquals(FulfillmentItemStatus.IN_PROGRESS, running.status());
        assertTrue(pending.settled());
    }

    @Test
    void compensationReversesCompletedWorkUnderItsOwnRequestId() {
        FulfillmentItem item = Items.done(item(1, "IP_ALLOCATION"));

        FulfillmentDispatch compensation = item.compensate("acme", "ORD-1", LATER);

        assertEquals(FulfillmentItemStatus.COMPENSATING, item.status());
        assertEquals("UNDO_IP_ALLOCATION", compensation.action());
        assertEquals(ORDER + ":" + item.id() + ":2", compensation.externalRequestId());
        assertTrue(item.complete(compensation.externalRequestId(), "UNDO-REF", Map.of(), LATER));
        assertEquals(FulfillmentItemStatus.COMPENSATED, item.status());
        assertEquals("UNDO-REF", item.view().compensationReference());
        assertEquals("REF-IP_ALLOCATION", item.externalReference(), "the forward reference stays");
        assertFalse(item.complete(compensation.externalRequestId(), "UNDO-REF", Map.of(), LATER), "a repeat is a no-op");
        refused(() -> item.complete(compensation.externalRequestId(), "OTHER", Map.of(), LATER),
                FulfillmentItem.ITEM_OUTCOME_CONFLICT);
        assertTrue(item.settled());
    }

    @Test
    void aFailedCompensationIsRetriedAsACompensation() {
        FulfillmentItem item = Items.done(item(1, "IP_ALLOCATION"));
        FulfillmentDispatch compensation = item.compensate("acme", "ORD-1", LATER);
        assertTrue(item.fail(compensation.externalRequestId(), "IPAM_DOWN", "timeout", LATER));
        assertEquals(FulfillmentItemStatus.COMPENSATION_FAILED, item.status());
        assertFalse(item.settled());

        FulfillmentDispatch again = item.retry("acme", "ORD-1", LATER);
        assertEquals(FulfillmentItemStatus.COMPENSATING, item.status());
        assertEquals("UNDO_IP_ALLOCATION", again.action());
        assertEquals(3, again.attemptGroup());
    }

    @Test
    void workWithoutACompensationActionIsThePointOfNoReturn() {
        FulfillmentItem item = new FulfillmentItem(ORDER, new Decomposition.PlannedItem(Items.id("x"), Items.LINE_1, 1,
                "CONTRACT_SIGNATURE", "crm", io.cpqoms.catalog.api.LineAction.ADD, null, 0, Set.of(), Map.of(), null, null), NOW);
        assertFalse(item.irreversible(), "nothing done yet");
        item.dispatch("acme", "ORD-1", NOW);
        assertTrue(item.irreversible(), "under way and cannot be undone");
        item.complete(item.externalRequestId(), "CRM-1", Map.of(), NOW);
        refused(() -> item.compensate("acme", "ORD-1", LATER), FulfillmentItem.POINT_OF_NO_RETURN);
        assertFalse(Items.done(item(2, "B")).irreversible());
    }

    @Test
    void breakGlassCompletesAFailedItemWithTheReason() {
        FulfillmentItem item = dispatched();
        item.fail(item.externalRequestId(), "RESOURCE_UNAVAILABLE", "no port", LATER);

        item.forceComplete("acme-break-glass", "Provisioned by hand, ticket CHG-7", null, LATER);

        assertEquals(FulfillmentItemStatus.COMPLETED, item.status());
        assertEquals("FORCED:acme-break-glass", item.externalReference());
        assertNull(item.failureCode());
        assertEquals(LATER, item.view().completedAt());
        refused(() -> item.forceComplete("acme-break-glass", "again", null, LATER), FulfillmentItem.ITEM_NOT_FORCIBLE);
        refused(() -> item(2, "PENDING_ONE").forceComplete("x", "not started", null, LATER), FulfillmentItem.ITEM_NOT_FORCIBLE);
    }
}
