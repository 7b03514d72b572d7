package io.cpqoms.quote.infrastructure;

import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.OutboxRelay;
import io.cpqoms.kernel.ServerResources;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
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
 * Publishes the quote's committed events (quote.started.v1, quote.priced.v1, quote.accepted.v1) to the
 * events topic. Polling every second keeps the relay independent of the transaction that wrote the
 * event; the timer is not persistent because a missed tick is simply caught up by the next one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class QuoteEventRelay {

    private static final Logger LOG = Logger.getLogger(QuoteEventRelay.class.getName());
    private static final int BATCH = 200;

    @Resource(lookup = ServerResources.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    private JMSContext jms;

    @Resource(lookup = ServerResources.EVENTS_TOPIC)
    private Topic events;

    private final AtomicBoolean running = new AtomicBoolean();

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void relay() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            int sent = OutboxRelay.relay(connection, "quote", jms, Map.of(OutboxEvent.EVENTS, events), BATCH);
            if (sent > 0) {
                LOG.fine(() -> "relayed " + sent + " quote event(s)");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "quote events not relayed this time; the next run retries", e);
            throw new IllegalStateException(e);
        } finally {
            running.set(false);
        }
    }
}
