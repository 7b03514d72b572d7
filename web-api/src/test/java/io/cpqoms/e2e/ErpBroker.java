package io.cpqoms.e2e;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A JMS client of the test stack's embedded broker, as ERP is one: the OpenMQ client of the stack's own
 * server on the classpath (cpq.jms.client), the broker at cpq.jms.url. Each call opens and closes its
 * connection; a reply is awaited on a temporary queue for at most the given time, never slept for.
 */
final class ErpBroker implements AutoCloseable {

    static final String INBOUND = "CpqErpInbound";
    static final String OUTBOUND = "CpqErpOutbound";
    static final String DEAD_LETTER = "CpqErpDeadLetter";

    private final Connection connection;
    private final Session session;
    private final TemporaryQueue replies;
    private final MessageConsumer replyConsumer;

    ErpBroker() throws JMSException {
        connection = factory().createConnection(System.getProperty("cpq.jms.user", "guest"),
                System.getProperty("cpq.jms.password", "guest"));
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        replies = session.createTemporaryQueue();
        replyConsumer = session.createConsumer(replies);
        connection.start();
    }

    private static ConnectionFactory factory() {
        String url = System.getProperty("cpq.jms.url", "");
        assertNotNull(url.isEmpty() ? null : url, "cpq.jms.url names the stack's broker (cpq test passes it)");
        try {
            Class<?> type = Class.forName("com.sun.messaging.ConnectionFactory");
            Object factory = type.getConstructor().newInstance();
            type.getMethod("setProperty", String.class, String.class).invoke(factory, "imqAddressList", url);
            return (ConnectionFactory) factory;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the OpenMQ client (cpq.jms.client) is not on the test classpath", e);
        }
    }

    /** Sends an ERP message with the given properties (a null value is left out) and the reply queue; returns its JMS id. */
    String send(Map<String, String> properties, String body, String correlationId) throws JMSException {
        TextMessage message = session.createTextMessage(body);
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (property.getValue() != null) {
                message.setStringProperty(property.getKey(), property.getValue());
            }
        }
        if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        message.setJMSReplyTo(replies);
        session.createProducer(session.createQueue(INBOUND)).send(message);
        return message.getJMSMessageID();
    }

    /** The next reply on this client's reply queue, waiting at most {@code millis}. */
    TextMessage reply(long millis) throws JMSException {
        Message reply = replyConsumer.receive(millis);
        assertNotNull(reply, "a reply within " + millis + " ms");
        return (TextMessage) reply;
    }

    /**
     * The messages of a queue that match a selector, taken off it until {@code enough} says so, each awaited
     * for at most {@code millis}.
     */
    List<TextMessage> take(String queue, String selector, Predicate<List<TextMessage>> enough, long millis)
            throws JMSException {
        List<TextMessage> taken = new ArrayList<>();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
            while (!enough.test(taken)) {
                Message message = consumer.receive(millis);
                assertNotNull(message, "a message matching " + selector + " within " + millis + " ms, after " + taken.size());
                taken.add((TextMessage) message);
            }
        }
        return taken;
    }

    /** The messages of a queue that match a selector, left on it. */
    List<Message> browse(String queue, String selector) throws JMSException {
        Queue destination = session.createQueue(queue);
        try (QueueBrowser browser = session.createBrowser(destination, selector)) {
            List<Message> found = new ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                found.add((Message) message);
            }
            return found;
        }
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
