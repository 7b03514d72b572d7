package io.cpqoms.kernel;

import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Polls one context's outbox of integration events (destination {@code events} only) and relays it
 * to the events topic; a context's timer calls {@link #poll} inside a JTA transaction. A poll that
 * finds the previous one still running skips, and a failed one is retried by the next tick.
 */
public final class EventOutboxPoller {

    private static final int BATCH = 200;

    private final String schema;
    private final Logger log;
    private final AtomicBoolean running = new AtomicBoolean();

    public EventOutboxPoller(String schema) {
        this.schema = schema;
        this.log = Logger.getLogger(EventOutboxPoller.class.getName() + "." + schema);
    }

    public void poll(DataSource dataSource, JMSContext jms, Topic events) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            int sent = OutboxRelay.relay(connection, schema, jms, Map.of(OutboxEvent.EVENTS, events), BATCH);
            if (sent > 0) {
                log.fine(() -> "relayed " + sent + " " + schema + " event(s)");
            }
        } catch (SQLException | RuntimeException e) {
            log.log(Level.WARNING, schema + " events not relayed this time; the next poll retries", e);
            throw new IllegalStateException(e);
        } finally {
            running.set(false);
        }
    }
}
