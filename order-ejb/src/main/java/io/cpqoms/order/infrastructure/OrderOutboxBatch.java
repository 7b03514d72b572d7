package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.OutboxRelay;
import io.cpqoms.kernel.ServerResources;
import io.cpqoms.order.api.ErpContract;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One relay batch of the order outbox in its own transaction: the sends and the marks commit together.
 * The order, inventory and billing events also go to the ERP outbound queue in the same send
 * ({@link ErpContract#OUTBOUND_PREFIXES}), where they wait while ERP is away: a queue rather than a
 * durable subscription on the topic, so the destination is the product's own, created and watched like
 * the others, and needs no client id on the connection.
 */
@Stateless
public class OrderOutboxBatch {

    static final int SIZE = 200;

    @Resource(lookup = ServerResources.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private JMSContext jms;

    @Resource(lookup = ServerResources.EVENTS_TOPIC)
    private Topic events;

    @Resource(lookup = ServerResources.FULFILLMENT_ITEM_QUEUE)
    private Queue fulfillmentItems;

    @Resource(lookup = ServerResources.ORDER_COMMAND_QUEUE)
    private Queue orderCommands;

    @Resource(lookup = ServerResources.ERP_OUTBOUND_QUEUE)
    private Queue erpOutbound;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int relay() {
        Map<String, Destination> destinations = Map.of(OutboxEvent.EVENTS, events,
                OrderJournal.FULFILLMENT_ITEM, fulfillmentItems, OrderJournal.ORDER_COMMAND, orderCommands);
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Destination> copies = new HashMap<>();
            ErpContract.OUTBOUND_PREFIXES.forEach(prefix -> copies.put(prefix, erpOutbound));
            return OutboxRelay.relay(connection, "ordering", jms, destinations, copies, SIZE);
        } catch (SQLException e) {
            throw new IllegalStateException("the order outbox could not be read", e);
        }
    }
}
