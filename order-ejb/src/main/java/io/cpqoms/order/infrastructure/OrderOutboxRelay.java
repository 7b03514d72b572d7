package io.cpqoms.order.infrastructure;

import io.cpqoms.kernel.OutboxDrain;
import io.cpqoms.kernel.OutboxRetention;
import io.cpqoms.kernel.ServerResources;
import jakarta.annotation.Resource;
import javax.sql.DataSource;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the order context's committed outbox messages: integration events to the events topic,
 * dispatched fulfillment items and the order's next steps to their queues. A commit that wrote
 * messages asks for a drain at once (see {@link OutboxKick}); the poll every second catches up on
 * anything a crash or a failed send left behind.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderOutboxRelay {

    private static final Logger LOG = Logger.getLogger(OrderOutboxRelay.class.getName());

    @EJB
    private OrderOutboxBatch batch;

    @Resource(lookup = ServerResources.DATA_SOURCE)
    private DataSource dataSource;

    private OutboxDrain drain;

    @PostConstruct
    void init() {
        drain = new OutboxDrain(() -> batch.relay(), OrderOutboxBatch.SIZE);
    }

    @Asynchronous
    public void kick() {
        run();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void poll() {
        run();
    }

    /** Published messages past the retention period go (a persistent timer: once per cluster, every hour). */
    @Schedule(hour = "*", minute = "37", persistent = true)
    void purgePublished() {
        OutboxRetention.purge(dataSource, "ordering", OutboxRetention.retention());
    }

    private void run() {
        try {
            drain.drain();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "order outbox not relayed this time; the next poll retries", e);
        }
    }
}
