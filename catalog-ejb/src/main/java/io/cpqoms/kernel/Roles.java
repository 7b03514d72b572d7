package io.cpqoms.kernel;

import java.util.List;

/**
 * The application roles (seed 000, section 37, extended to catalog and quotes). The server maps the
 * groups of its security realm to them (cpq-ear: glassfish-application.xml).
 */
public final class Roles {

    /** Edits catalog drafts and publishes versions; the only role that sees drafts. */
    public static final String CATALOG_ADMIN = "catalog-admin";
    /** Creates, edits, prices and accepts quotes; creates orders from accepted quotes. */
    public static final String SALES = "sales";
    /** Approves or rejects quotes (not its own requests). */
    public static final String SALES_APPROVER = "sales-approver";
    /** The second level of quote approval (the deal desk): large discounts, margins below the floor. */
    public static final String DEAL_DESK = "deal-desk";
    /** A trusted integration that creates orders, directly or from quotes. */
    public static final String ORDER_CAPTURE = "order-capture";
    /** Reads the operational view; retries fulfillment items; works the fallout cases of its group. */
    public static final String OPERATIONS = "operations";
    /** Operations, plus overriding validation blockers, cancelling in fulfillment, resolving any fallout. */
    public static final String OPERATIONS_SUPERVISOR = "operations-supervisor";
    /** Force-completes a fulfillment item, with a reason and an extra audit record. */
    public static final String BREAK_GLASS = "break-glass";
    /** The worker-facing endpoints only (item completions and failures). */
    public static final String FULFILLMENT_WORKER = "fulfillment-worker";
    /** The customer-facing read view of quotes and orders. */
    public static final String CUSTOMER_SERVICE = "customer-service";
    /** Read-only audit timelines, nothing else. */
    public static final String AUDITOR = "auditor";

    public static final List<String> ALL = List.of(CATALOG_ADMIN, SALES, SALES_APPROVER, DEAL_DESK, ORDER_CAPTURE, OPERATIONS,
            OPERATIONS_SUPERVISOR, BREAK_GLASS, FULFILLMENT_WORKER, CUSTOMER_SERVICE, AUDITOR);

    /** The realm group that names a user's tenant: {@code tenant-<id>}. */
    public static final String TENANT_GROUP_PREFIX = "tenant-";

    /**
     * The realm groups that name a user's work groups: {@code workgroup-<name>}. A fallout case belongs
     * to the work group of the system whose item fell out (for example {@code workgroup-logistics}).
     */
    public static final String WORKGROUP_PREFIX = "workgroup-";

    private Roles() {
    }
}
