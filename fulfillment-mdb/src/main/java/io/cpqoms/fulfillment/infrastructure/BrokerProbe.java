package io.cpqoms.fulfillment.infrastructure;

import io.cpqoms.kernel.ServerResources;
import io.cpqoms.fulfillment.api.MessagingStatus;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.List;

/**
 * Checks the broker by opening a connection and browsing the product's queues, which proves the
 * connection factory, the destinations and the broker itself are there.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BrokerProbe implements MessagingStatus {

    @Resource(lookup = ServerResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    @Resource(lookup = ServerResources.FULFILLMENT_ITEM_QUEUE)
    private Queue fulfillmentItems;

    @Resource(lookup = ServerResources.FULFILLMENT_RESULT_QUEUE)
    private Queue fulfillmentResults;

    @Override
    public Report check() {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            StringBuilder found = new StringBuilder();
            for (Queue queue : List.of(fulfillmentItems, fulfillmentResults,
                    session.createQueue(ServerResources.DEAD_LETTER_QUEUE_NAME))) {
                try (QueueBrowser browser = session.createBrowser(queue)) {
                    browser.getEnumeration();
                    found.append(queue.getQueueName()).append(' ');
                }
            }
            String broker = connection.getMetaData().getJMSProviderName() + " "
                    + connection.getMetaData().getProviderVersion();
            return new Report(true, broker, "queues reachable: " + found.toString().trim());
        } catch (JMSException | RuntimeException e) {
            return new Report(false, "unreachable", e.toString());
        }
    }
}
