package io.cpqoms.order.domain;

import static io.cpqoms.order.domain.Items.NOW;
import static io.cpqoms.order.domain.Items.ORDER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.FalloutSeverity;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FalloutCaseTest {

    @Test
    void aFailedItemOpensACaseForTheWorkGroupOfItsSystem() {
        FulfillmentItem item = Items.failed(Items.item(1, "ACCESS_CIRCUIT_PROVISIONING"));

        FalloutCaseView view = FalloutCase.forItem("acme", ORDER, item, false, false, NOW).view();

        assertEquals(FalloutCaseStatus.OPEN, view.status());
        assertEquals(FalloutSeverity.MEDIUM, view.severity());
        assertEquals(FalloutCase.ITEM_FAILED, view.reasonCode());
        assertEquals("network-provisioning", view.ownerGroup());
        assertEquals(item.id(), view.fulfillmentItemId());
        assertEquals(Items.LINE_1, view.orderLineId());
        assertEquals("ACCESS_CIRCUIT_PROVISIONING failed at network-provisioning: RESOURCE_UNAVAILABLE (no port)",
                view.description());
        assertNull(view.ownerUserId());
    }

    @Test
    void aFailedCompensationIsMoreUrgent() {
        FulfillmentItem item = Items.failed(Items.item(1, "IP"));
        FalloutCaseView view = FalloutCase.forItem("acme", ORDER, item, true, false, NOW).view();
        assertEquals(FalloutSeverity.HIGH, view.severity());
        assertEquals(FalloutCase.COMPENSATION_FAILED, view.reasonCode());
    }

    @Test
    void aCaseOfTheWholeOrderBelongsToOrderManagement() {
        FalloutCaseView view = FalloutCase.forOrder("acme", ORDER, FalloutCase.DECOMPOSITION_FAILED, "no plan", NOW).view();
        assertEquals(FalloutCase.ORDER_MANAGEMENT, view.ownerGroup());
        assertNull(view.fulfillmentItemId());
    }

    @Test
    void aCaseIsAssignedThenResolvedOnceWithWhoAndWhy() {
        FalloutCase fallout = FalloutCase.forOrder("acme", ORDER, "X", "x", NOW);
        fallout.assign("dana");
        fallout.assign("lee");
        assertEquals("lee", fallout.view().ownerUserId());
        fallout.resolve("lee", FalloutCase.RETRIED, "port freed", NOW);

        FalloutCaseView view = fallout.view();
        assertEquals(FalloutCaseStatus.RESOLVED, view.status());
        assertEquals("lee", view.resolvedBy());
        assertEquals(FalloutCase.RETRIED, view.resolutionCode());
        assertEquals("port freed", view.resolutionNote());
        assertFalse(fallout.isOpen());
        DomainException refused = assertThrows(DomainException.class, () -> fallout.assign("dana"));
        assertEquals(FalloutCase.FALLOUT_CASE_TRANSITION_NOT_ALLOWED, refused.code());
        assertThrows(DomainException.class, () -> fallout.cancel("sup", NOW));
    }

    @Test
    void resolvedAndCancelledAreTheOnlyClosedStates() {
        for (FalloutCaseStatus status : FalloutCaseStatus.values()) {
            boolean closed = status == FalloutCaseStatus.RESOLVED || status == FalloutCaseStatus.CANCELLED;
            assertEquals(!closed, status.isOpen(), status.name());
            assertEquals(closed, Arrays.stream(FalloutCaseStatus.values()).noneMatch(t -> Lifecycles.canMove(status, t)), status.name());
            if (!closed) {
                assertTrue(Lifecycles.canMove(status, FalloutCaseStatus.RESOLVED) && Lifecycles.canMove(status, FalloutCaseStatus.CANCELLED),
                        status + " can be closed");
            }
        }
    }
}
