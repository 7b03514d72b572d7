package io.cpqoms.order.domain;

import io.cpqoms.kernel.DomainException;
import io.cpqoms.order.api.FalloutCaseStatus;
import io.cpqoms.order.api.FalloutCaseView;
import io.cpqoms.order.api.FalloutSeverity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A fallout case (seed 000, sections 16-17): an order that cannot go on by itself, the reason, and
 * the work group that owns it. It belongs to its order's aggregate and changes only through the order's
 * commands (assign, retry, force completion, cancellation), along {@link Lifecycles}.
 */
@Entity
@Table(name = "order_fallout_case")
public class FalloutCase {

    public static final String FALLOUT_CASE_TRANSITION_NOT_ALLOWED = "FALLOUT_CASE_TRANSITION_NOT_ALLOWED";
    /** The work group of fallout that concerns the whole order rather than one system's item. */
    public static final String ORDER_MANAGEMENT = "order-management";

    /** Why an order fell out. */
    public static final String ITEM_FAILED = "FULFILLMENT_ITEM_FAILED";
    public static final String COMPENSATION_FAILED = "COMPENSATION_FAILED";
    public static final String DECOMPOSITION_FAILED = "DECOMPOSITION_FAILED";
    /** The responsible system could not read the request: a defect on the product's side. */
    public static final String REQUEST_INVALID = "FULFILLMENT_REQUEST_INVALID";

    /** How a case was closed. */
    public static final String RETRIED = "RETRIED";
    public static final String FORCE_COMPLETED = "FORCE_COMPLETED";
    public static final String ORDER_CANCELLED = "ORDER_CANCELLED";

    @Id
    @Column(name = "fallout_case_id")
    private UUID id;
    @Column(name = "tenant_id", updatable = false)
    private String tenantId;
    @Column(name = "order_id", updatable = false)
    private UUID orderId;
    @Column(name = "order_line_id", updatable = false)
    private UUID orderLineId;
    @Column(name = "fulfillment_item_id", updatable = false)
    private UUID fulfillmentItemId;
    @Enumerated(EnumType.STRING)
    private FalloutCaseStatus status;
    @Enumerated(EnumType.STRING)
    private FalloutSeverity severity;
    @Column(name = "reason_code", updatable = false)
    private String reasonCode;
    private String description;
    @Column(name = "owner_group")
    private String ownerGroup;
    @Column(name = "owner_user_id")
    private String ownerUserId;
    @Column(name = "opened_at", updatable = false)
    private Instant openedAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolved_by")
    private String resolvedBy;
    @Column(name = "resolution_code")
    private String resolutionCode;
    @Column(name = "resolution_note")
    private String resolutionNote;
    @Version
    @Column(name = "entity_version")
    private long entityVersion;

    protected FalloutCase() {
    }

    /**
     * A case for a failed item (or its failed compensation), owned by the work group of the item's
     * system; HIGH for a failed compensation and for a request the system found invalid (a defect).
     */
    public static FalloutCase forItem(String tenantId, UUID orderId, FulfillmentItem item, boolean compensation,
                                      boolean defect, Instant now) {
        FalloutCase fallout = open(tenantId, orderId, compensation || defect ? FalloutSeverity.HIGH : FalloutSeverity.MEDIUM,
                compensation ? COMPENSATION_FAILED : defect ? REQUEST_INVALID
                        : FulfillmentItem.RETRY_BUDGET_EXHAUSTED.equals(item.failureCode())
                                || FulfillmentItem.UNKNOWN_OUTCOME.equals(item.failureCode()) ? item.failureCode()
                        : ITEM_FAILED,
                (compensation ? "Compensation " : "") + item.itemType() + " failed at " + item.responsibleSystem() + ": "
                        + item.failureCode() + (item.failureMessage() == null ? "" : " (" + item.failureMessage() + ")"),
                item.responsibleSystem(), now);
        fallout.orderLineId = item.orderLineId();
        fallout.fulfillmentItemId = item.id();
        return fallout;
    }

    /** A case for the whole order, owned by order management. */
    public static FalloutCase forOrder(String tenantId, UUID orderId, String reasonCode, String description, Instant now) {
        return open(tenantId, orderId, FalloutSeverity.HIGH, reasonCode, description, ORDER_MANAGEMENT, now);
    }

    private static FalloutCase open(String tenantId, UUID orderId, FalloutSeverity severity, String reasonCode,
                                    String description, String ownerGroup, Instant now) {
        FalloutCase fallout = new FalloutCase();
        fallout.id = UUID.randomUUID();
        fallout.tenantId = tenantId;
        fallout.orderId = orderId;
        fallout.status = FalloutCaseStatus.OPEN;
        fallout.severity = severity;
        fallout.reasonCode = reasonCode;
        fallout.description = description;
        fallout.ownerGroup = ownerGroup;
        fallout.openedAt = now;
        return fallout;
    }

    void assign(String assignee) {
        moveTo(FalloutCaseStatus.ASSIGNED);
        ownerUserId = assignee;
    }

    /** Closes the case because its cause is dealt with. */
    void resolve(String actor, String code, String note, Instant now) {
        close(FalloutCaseStatus.RESOLVED, actor, code, note, now);
    }

    /** Closes the case because its order was cancelled. */
    void cancel(String actor, Instant now) {
        close(FalloutCaseStatus.CANCELLED, actor, ORDER_CANCELLED, null, now);
    }

    private void close(FalloutCaseStatus target, String actor, String code, String note, Instant now) {
        moveTo(target);
        resolvedAt = now;
        resolvedBy = actor;
        resolutionCode = code;
        resolutionNote = note;
    }

    private void moveTo(FalloutCaseStatus target) {
        if (!Lifecycles.canMove(status, target)) {
            throw DomainException.conflict(FALLOUT_CASE_TRANSITION_NOT_ALLOWED,
                    "Fallout case " + id + " is " + status + " and cannot become " + target + ".");
        }
        status = target;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID fulfillmentItemId() {
        return fulfillmentItemId;
    }

    public FalloutCaseStatus status() {
        return status;
    }

    public String ownerGroup() {
        return ownerGroup;
    }

    public String description() {
        return description;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public FalloutCaseView view() {
        return new FalloutCaseView(id, orderId, orderLineId, fulfillmentItemId, status, severity, reasonCode, description,
                ownerGroup, ownerUserId, openedAt, resolvedAt, resolvedBy, resolutionCode, resolutionNote, entityVersion);
    }
}
