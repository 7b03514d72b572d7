package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.OutboxRelay;
import io.cpqoms.kernel.ServerResources;
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
import java.util.Map;
import javax.sql.DataSource;

/** One relay batch of the order outbox in its own transaction: the sends and the marks commit together. */
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

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int relay() {
        Map<String, Destination> destinations = Map.of(OutboxEvent.EVENTS, events,
                OrderJournal.FULFILLMENT_ITEM, fulfillmentItems, OrderJournal.ORDER_COMMAND, orderCommands);
        try (Connection connection = dataSource.getConnection()) {
            return OutboxRelay.relay(connection, "ordering", jms, destinations, SIZE);
        } catch (SQLException e) {
            throw new IllegalStateException("the order outbox could not be read", e);
        }
    }
}
