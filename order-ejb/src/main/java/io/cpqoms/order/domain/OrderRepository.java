package io.cpqoms.order.domain;

import io.cpqoms.kernel.CommandContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where order aggregates live, for commands: an order is loaded whole (header, lines, fulfillment
 * items, fallout cases, latest validation, billing triggers) and locked for the command's transaction, so commands on
 * one order run one after the other; saving stores what the command created and changed and hands the
 * recorded events to the order journal, all in the same transaction. Reads go through
 * {@link OrderReadModel} instead.
 */
public interface OrderRepository {

    /** An Idempotency-Key used for another request (409). */
    String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    /** A conversion names an acceptance that became an order with another quote or revision (409). */
    String ACCEPTANCE_ALREADY_CONVERTED = "ACCEPTANCE_ALREADY_CONVERTED";
    /** The capture key of a quote's acceptance: one order per acceptance. */
    String ACCEPTANCE_KEY = "acceptance:";
    String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";

    /**
     * Claims request keys for a new order in this transaction. A key claimed before (or by a concurrent
     * transaction, which this one waits for) yields that order's id instead; a key claimed with another
     * request fingerprint is a conflict. Keys are claimed in the given order.
     */
    Optional<UUID> claim(String tenantId, List<String> keys, UUID orderId, String fingerprint);

    String nextOrderNumber(Instant now);

    /**
     * The number of an open order of the customer with the same content, or null. Captures of the same
     * content wait for each other until commit, so two copies sent at once cannot both pass.
     */
    String openDuplicate(String tenantId, String customerId, String fingerprint, UUID excluding);

    /**
     * The number of the open order acting on each of these products (a line other than ADD), per
     * product. Captures acting on the same product wait for each other until commit, so two change
     * orders for one product cannot both pass.
     */
    Map<UUID, String> openOrdersActingOn(String tenantId, Collection<UUID> productIds);

    /** Whether the tenant has the order. */
    boolean exists(String tenantId, UUID orderId);

    /** The tenant's order, whole and locked, or 404: another tenant's order is indistinguishable from none. */
    CustomerOrder lock(String tenantId, UUID orderId);

    /** The order of the tenant's billing trigger, or 404 BILLING_TRIGGER_NOT_FOUND (another tenant's trigger too). */
    UUID orderOfBillingTrigger(String tenantId, UUID triggerId);

    /**
     * Stores a new or loaded order with what the command created and changed, and journals the events it
     * recorded (audit entries, integration events, dispatches, next steps) under the caller's identity.
     */
    void save(CustomerOrder order, CommandContext context, String causationId);

    /** Journals a refused attempt on an order (or on no order) as an ACCESS_DENIED audit entry. */
    void accessDenied(CommandContext context, String orderId, String attemptedAction, String reason);
}
