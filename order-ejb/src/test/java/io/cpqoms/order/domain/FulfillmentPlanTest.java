package io.cpqoms.order.domain;

import static io.cpqoms.order.domain.Items.LINE_1;
import static io.cpqoms.order.domain.Items.LINE_2;
import static io.cpqoms.order.domain.Items.done;
import static io.cpqoms.order.domain.Items.failed;
import static io.cpqoms.order.domain.Items.item;
import static io.cpqoms.order.domain.Items.started;
import static io.cpqoms.order.domain.Items.types;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.order.api.FulfillmentItemStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FulfillmentPlanTest {

    @Test
    void itemsAreReadInPlanOrder() {
        FulfillmentItem a = item(1, "A");
        FulfillmentItem b = item(2, "B");
        FulfillmentItem c = item(3, "C");
        assertEquals(List.of("A", "B", "C"), types(new FulfillmentPlan(List.of(c, a, b)).items()));
    }

    @Test
    void onlyPendingItemsWhoseDependenciesCompletedAreReady() {
        FulfillmentItem circuit = item(1, "CIRCUIT");
        FulfillmentItem ip = item(2, "IP");
        FulfillmentItem router = item(3, "ROUTER", circuit, ip);
        FulfillmentItem billing = item(4, "BILLING", router);
        FulfillmentPlan plan = new FulfillmentPlan(List.of(billing, router, ip, circuit));

        assertEquals(List.of("CIRCUIT", "IP"), types(plan.ready()));

        started(circuit);
        assertEquals(List.of("IP"), types(plan.ready()), "an item in progress is not ready again");

        done(ip);
        assertEquals(List.of(), types(plan.ready()), "the router still waits for the circuit");

        circuit.complete(circuit.externalRequestId(), "REF-CIRCUIT", Map.of(), Items.NOW);
        assertEquals(List.of("ROUTER"), types(plan.ready()));

        done(router);
        assertEquals(List.of("BILLING"), types(plan.ready()));
    }

    @Test
    void aFailedDependencyKeepsItsDependantsWaiting() {
        FulfillmentItem circuit = item(1, "CIRCUIT");
        FulfillmentItem router = item(2, "ROUTER", circuit);
        FulfillmentPlan plan = new FulfillmentPlan(List.of(circuit, router));

        failed(circuit);

        assertEquals(List.of(), plan.ready());
    }

    @Test
    void aDependencyOutsideThePlanIsNeverSatisfied() {
        FulfillmentItem elsewhere = item(LINE_2, 1, "ELSEWHERE");
        FulfillmentItem waiting = item(2, "WAITING", elsewhere);
        assertEquals(List.of(), new FulfillmentPlan(List.of(waiting)).ready());
    }

    @Test
    void allCompletedOnlyWhenEveryItemIs() {
        FulfillmentItem a = item(1, "A");
        FulfillmentItem b = item(2, "B", a);
        FulfillmentPlan plan = new FulfillmentPlan(List.of(a, b));

        assertFalse(plan.allCompleted());
        done(a);
        assertFalse(plan.allCompleted());
        done(b);
        assertTrue(plan.allCompleted());
    }

    @Test
    void eachLineIsSummarisedFromItsItems() {
        FulfillmentItem a1 = item(LINE_1, 1, "A");
        FulfillmentItem b1 = item(LINE_1, 2, "B");
        FulfillmentItem a2 = item(LINE_2, 3, "A");
        FulfillmentItem b2 = item(LINE_2, 4, "B");
        FulfillmentPlan plan = new FulfillmentPlan(List.of(a1, b1, a2, b2));

        assertEquals(Map.of(LINE_1, FulfillmentItemStatus.PENDING, LINE_2, FulfillmentItemStatus.PENDING),
                plan.lineSummaries());

        started(a1);
        done(a2);
        assertEquals(Map.of(LINE_1, FulfillmentItemStatus.IN_PROGRESS, LINE_2, FulfillmentItemStatus.IN_PROGRESS),
                plan.lineSummaries(), "a started or partly done line is in progress");

        a1.complete(a1.externalRequestId(), "REF", Map.of(), Items.NOW);
        done(b1);
        failed(b2);
        Map<UUID, FulfillmentItemStatus> summaries = plan.lineSummaries();
        assertEquals(FulfillmentItemStatus.COMPLETED, summaries.get(LINE_1));
        assertEquals(FulfillmentItemStatus.FAILED, summaries.get(LINE_2), "one failed item fails the line");
    }

    @Test
    void workIsCompensatedInReverseOrderOnceItsDependentsAreSettled() {
        FulfillmentItem circuit = done(item(1, "CIRCUIT"));
        FulfillmentItem ip = done(item(2, "IP"));
        FulfillmentItem router = done(item(3, "ROUTER", circuit, ip));
        FulfillmentItem billing = done(item(4, "BILLING", router));
        FulfillmentPlan plan = new FulfillmentPlan(List.of(circuit, ip, router, billing));

        assertEquals(List.of("BILLING"), types(plan.compensable()));
        billing.compensate("t", "ORD-1", Items.NOW);
        assertEquals(List.of(), types(plan.compensable()), "the router waits for billing's reversal");
        billing.complete(billing.externalRequestId(), "UNDO-B", Map.of(), Items.NOW);
        assertEquals(List.of("ROUTER"), types(plan.compensable()));
        router.compensate("t", "ORD-1", Items.NOW);
        router.complete(router.externalRequestId(), "UNDO-R", Map.of(), Items.NOW);
        assertEquals(List.of("IP", "CIRCUIT"), types(plan.compensable()));
        assertFalse(plan.settled());
    }

    @Test
    void aPlanIsSettledWhenEveryItemIsCancelledOrCompensated() {
        FulfillmentItem circuit = done(item(1, "CIRCUIT"));
        FulfillmentItem billing = item(2, "BILLING", circuit);
        FulfillmentPlan plan = new FulfillmentPlan(List.of(circuit, billing));
        billing.cancel(Items.NOW);
        assertFalse(plan.settled());
        circuit.compensate("t", "ORD-1", Items.NOW);
        circuit.complete(circuit.externalRequestId(), "UNDO", Map.of(), Items.NOW);
        assertTrue(plan.settled());
        assertEquals(FulfillmentItemStatus.CANCELLED, plan.lineSummaries().get(LINE_1));
    }

    @Test
    void anyFailedItemKeepsTheOrderInFallout() {
        FulfillmentItem a = failed(item(1, "A"));
        FulfillmentPlan plan = new FulfillmentPlan(List.of(a, item(2, "B")));
        assertTrue(plan.anyFailed());
        a.retry("t", "ORD-1", Items.NOW);
        assertFalse(plan.anyFailed());
    }
}
