package io.cpqoms.kernel;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.jms.Destination;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves committed messages from a context's outbox table to JMS: each row names its destination
 * (the events topic or a command queue). The caller runs it in a JTA transaction with a transacted
 * JMS context, so the sends and the "published" marks commit together; rows are claimed with SKIP
 * LOCKED, so several relays (cluster members) never send the same batch at once. Rows go out in the
 * order they were written ({@code recorded_seq}, assigned by the database): several messages of one
 * command share their time and aggregate version. Delivery is at least once: each message carries its
 * event id for deduplication, and its schema version (the type's {@code .vN}) as {@code schemaVersion}.
 * An integration event whose type starts with a prefix of {@code copies} is also sent to that
 * prefix's destination in the same transaction (the ERP outbound queue takes the order, inventory and
 * billing events), so a copy is never sent without the topic's message, nor the other way round.
 */
public final class OutboxRelay {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_]+");
    private static final Pattern VERSION = Pattern.compile(".*\\.v([0-9]{1,6})");

    private OutboxRelay() {
    }

    /** Relays up to {@code batchSize} of the earliest written unpublished messages; returns how many were sent. */
    public static int relay(Connection connection, String schema, JMSContext jms, Map<String, Destination> destinations,
                            int batchSize)
            throws SQLException {
        return relay(connection, schema, jms, destinations, Map.of(), batchSize);
    }

    /**
     * Relays as above; an integration event whose type starts with a key of {@code copies} also goes to
     * that key's destination, in the same transaction.
     */
    public static int relay(Connection connection, String schema, JMSContext jms, Map<String, Destination> destinations,
                            Map<String, Destination> copies, int batchSize)
            throws SQLException {
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        List<UUID> sent = new ArrayList<>();
        JMSProducer producer = jms.createProducer();
        try (PreparedStatement claim = connection.prepareStatement(
                "select event_id, event_type, tenant_id, correlation_id, causation_id, aggregate_type, aggregate_id,"
                        + " payload::text, destination from " + schema + ".outbox_event where published_at is null"
                        + " order by recorded_seq limit ? for update skip locked")) {
            claim.setInt(1, batchSize);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    UUID eventId = (UUID) rs.getObject(1);
                    TextMessage message = jms.createTextMessage(rs.getString(8));
                    message.setJMSType(rs.getString(2));
                    String[] names = {"eventId", "eventType", "tenantId", "correlationId", "causationId",
                        "aggregateType", "aggregateId"};
                    for (int i = 0; i < names.length; i++) {
                        String value = i == 0 ? eventId.toString() : rs.getString(i + 1);
                        if (value != null) { // the broker refuses null properties
                            message.setStringProperty(names[i], value);
                        }
                    }
                    Destination destination = destinations.get(rs.getString(9));
                    if (destination == null) {
                        throw new IllegalStateException("outbox " + schema + " names an unknown destination: " + rs.getString(9));
                    }
                    Matcher version = VERSION.matcher(rs.getString(2));
                    if (version.matches()) {
                        message.setIntProperty("schemaVersion", Integer.parseInt(version.group(1)));
                    }
                    producer.send(destination, message);
                    if (OutboxEvent.EVENTS.equals(rs.getString(9))) {
                        for (Map.Entry<String, Destination> copy : copies.entrySet()) {
                            if (rs.getString(2).startsWith(copy.getKey())) {
                                producer.send(copy.getValue(), message);
                            }
                        }
                    }
                    sent.add(eventId);
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("could not build an event message", e);
        }
        if (!sent.isEmpty()) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "update " + schema + ".outbox_event set published_at = now() where event_id = any (?)")) {
                Array ids = connection.createArrayOf("uuid", sent.toArray());
                mark.setArray(1, ids);
                mark.executeUpdate();
            }
        }
        return sent.size();
    }
}
