package io.cpqoms.order.api;

import jakarta.ejb.Local;

/**
 * Records refused attempts at sensitive order actions (seed 000, section 37): who tried what, on which
 * order, when, and why it was refused. An attempt on an order appears in that order's timeline for
 * the caller's tenant; a caller of another tenant leaves its record in its own tenant, so the answer
 * it got reveals nothing and its trace stays with it.
 */
@Local
public interface AccessAudit {

    /** The tenant a caller without exactly one tenant is recorded under. */
    String NO_TENANT = "(none)";

    void denied(String tenantId, String actor, String correlationId, String action, String orderId, String reason);
}
