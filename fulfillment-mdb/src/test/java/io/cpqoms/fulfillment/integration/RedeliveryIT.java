package io.cpqoms.fulfillment.integration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cpqoms.kernel.ServerResources;
import io.cpqoms.fulfillment.api.MessagingStatus;
import io.cpqoms.fulfillment.infrastructure.BrokerProbe;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The domain's messaging configuration on the broker embedded in Payara: the product's destinations
 * exist, and a message whose consumer keeps failing is redelivered a bounded number of times and then
 * lands in the dead message queue rather than looping, from where the product keeps it in its dead
 * letter archive.
 */
@ExtendWith(ArquillianExtension.class)
class RedeliveryIT {

    static final String QUEUE = "CpqRedeliveryProbe";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "redelivery-it.war")
                .addClasses(PoisonMessageConsumer.class, ServerResources.class, MessagingStatus.class,
                        MessagingStatus.Report.class, BrokerProbe.class)
                .addPackages(true, "org.awaitility", "org.hamcrest");
    }

    @Resource(lookup = ServerResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @EJB
    MessagingStatus messaging;

    @Resource(lookup = ServerResources.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void theBrokerAndTheProductsQueuesAreReachable() {
        MessagingStatus.Report report = messaging.check();
        assertTrue(report.up(), report.detail());
        assertTrue(report.detail().contains("CpqFulfillmentItem"), report.detail());
    }

    @Test
    void aPoisonMessageIsRedeliveredABoundedNumberOfTimesThenDeadLettered() throws Exception {
        int attempts = Integer.getInteger("cpq.jms.redelivery.attempts");
        String probe = UUID.randomUUID().toString();
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            Message message = session.createTextMessage("poison");
            message.setStringProperty("probe", probe);
            producer.send(message);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> deadLettered(probe));
        AtomicInteger deliveries = PoisonMessageConsumer.DELIVERIES.get(probe);
        assertEquals(attempts + 1, deliveries.get(), "one delivery plus the configured redelivery attempts");
        // It stays dead: no further delivery happens after it reached the dead message queue.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> deliveries.get() == attempts + 1);
    }

    /** The product takes dead messages off the broker's dead message queue into its archive, with their properties. */
    private boolean deadLettered(String probe) throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select destination, delivery_count from ordering.dead_letter"
                     + " where properties ->> 'probe' = ?")) {
            query.setString(1, probe);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                assertEquals(QUEUE, rs.getString(1), "the archive keeps where the message was sent");
                assertFalse(rs.next(), "kept once");
                return true;
            }
        }
    }
}
