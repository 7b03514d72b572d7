package io.cpqoms.catalog.infrastructure;

import io.cpqoms.kernel.OutboxEvent;
import io.cpqoms.kernel.OutboxRelay;
import java.util.Map;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Publishes the catalog's committed events (catalog.version.published.v1, ...) to the events topic.
 * Polling every second keeps the relay independent of the transaction that wrote the event; the
 * timer is not persistent because a missed tick is simply caught up by the next one.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CatalogEventRelay {

    private static final Logger LOG = Logger.getLogger(CatalogEventRelay.class.getName());
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
            int sent = OutboxRelay.relay(connection, "catalog", jms, Map.of(OutboxEvent.EVENTS, events), BATCH);
            if (sent > 0) {
                LOG.fine(() -> "relayed " + sent + " catalog event(s)");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "catalog events not relayed this time; the next run retries", e);
            throw new IllegalStateException(e);
        } finally {
            running.set(false);
        }
    }
}
